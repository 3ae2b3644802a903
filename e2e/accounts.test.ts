import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig } from "@berth/config/config";
import { staticSite } from "./fixtures/apps";
import { artifact, launchBrowser } from "./support/browser";
import { GitWorkspace } from "./support/git-workspace";

const config = loadConfig();
const suffix = randomBytes(3).toString("hex");
const tenant = `e2e-acc-${suffix}`;
const app = `e2e-viewer-${suffix}`;
const PASSWORD = "e2e long password";
const owner = { email: `owner-${suffix}@e2e.berth.test`, name: "Olive Owner" };
const viewer = { email: `viewer-${suffix}@e2e.berth.test`, name: "Vic Viewer" };

async function signUp(page: Page, who: { email: string; name: string }): Promise<void> {
  await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Makes an API token on the account page and returns the secret it shows once. */
async function createToken(page: Page, name: string, scope: "read" | "deploy" | "admin"): Promise<string> {
  await page.goto(`${config.web.publicUrl}/account`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Scope").selectOption(scope);
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("token-secret").textContent())?.trim() ?? "";
  assert.match(secret, /^berth_[A-Za-z0-9_-]{43}$/);
  await page.locator(`[data-testid="token-${name}"][data-state="active"]`).waitFor();
  return secret;
}

function pushUrl(token: string): string {
  const url = new URL(config.web.publicUrl);
  return `${url.protocol}//berth:${token}@${url.host}/git/${tenant}/${app}.git`;
}

describe("accounts: sign up, a tenant, an invited viewer who cannot deploy", () => {
  let browser: Browser;
  let ownerContext: BrowserContext;
  let viewerContext: BrowserContext;
  let ownerPage: Page;
  let viewerPage: Page;
  let ownerToken = "";
  let viewerToken = "";
  const work = new GitWorkspace();

  before(async () => {
    browser = await launchBrowser();
    // Two contexts: two browsers as far as cookies go, so each person has their own session.
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    viewerContext = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
    ownerPage = await ownerContext.newPage();
    viewerPage = await viewerContext.newPage();
    await work.init();
  });

  after(async () => {
    if (ownerToken) {
      await work.berth(["apps:destroy", app, "--confirm", app, "--token", ownerToken, "--tenant", tenant]);
      // The tenant is empty once its app is gone; delete it through the API as its owner.
      await fetch(`http://127.0.0.1:${config.web.port}/api/trpc/tenants.delete`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ownerToken}` },
        body: JSON.stringify({ tenant }),
      });
      // And the owner's account, so test users do not pile up (the viewer deleted theirs in the test).
      await fetch(`http://127.0.0.1:${config.web.port}/api/trpc/auth.deleteAccount`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ownerToken}` },
        body: JSON.stringify({ password: PASSWORD }),
      });
    }
    work.remove();
    await browser?.close();
  });

  test("a new user signs up from the sign-in page and lands on their (empty) tenants", async () => {
    await ownerPage.goto(config.web.publicUrl);
    await ownerPage.getByTestId("sign-up-link").click();
    await ownerPage.waitForURL(/\/sign-up/);
    await signUp(ownerPage, { ...owner, email: "not-an-email" });
    assert.match((await ownerPage.locator("form [role=alert]").textContent()) ?? "", /valid email/);
    await signUp(ownerPage, owner);
    await ownerPage.waitForURL(/\/tenants$/);
    await ownerPage.getByTestId("tenants-empty").waitFor();
  });

  test("they create a tenant and are its owner; a malformed name is refused in plain words", async () => {
    await ownerPage.getByLabel("Name", { exact: true }).fill("Not A Label");
    await ownerPage.getByRole("button", { name: "Create tenant" }).click();
    assert.match((await ownerPage.getByTestId("create-tenant-error").textContent()) ?? "", /not a valid tenant name/);
    await ownerPage.getByLabel("Name", { exact: true }).fill(tenant);
    await ownerPage.getByRole("button", { name: "Create tenant" }).click();
    await ownerPage.locator(`[data-testid="tenant-${tenant}"][data-role="owner"]`).waitFor();
  });

  test("they invite a second user as viewer; the second user signs up through the link and joins as viewer", async () => {
    await ownerPage.goto(`${config.web.publicUrl}/tenants/${tenant}/members`);
    await ownerPage.getByLabel("Email", { exact: true }).fill(viewer.email);
    await ownerPage.getByLabel("Role", { exact: true }).selectOption("viewer");
    await ownerPage.getByRole("button", { name: "Create invite link" }).click();
    const link = (await ownerPage.getByTestId("invite-link").textContent())?.trim() ?? "";
    assert.match(link, new RegExp(`/invite/[A-Za-z0-9_-]{43}$`));
    await ownerPage.screenshot({ path: artifact("accounts-members-invite.png"), fullPage: true });

    await viewerPage.goto(link);
    assert.equal(await viewerPage.getByTestId("invite-role").textContent(), "viewer");
    await viewerPage.getByTestId("invite-sign-up").click();
    await viewerPage.waitForURL(/\/sign-up\?next=/);
    await signUp(viewerPage, viewer);
    await viewerPage.waitForURL(/\/invite\//);
    await viewerPage.getByTestId("invite-accept").click();
    await viewerPage.waitForURL(new RegExp(`/tenants/${tenant}/members`));
    await viewerPage.locator('[data-testid="my-role"][data-role="viewer"]').waitFor();
    await viewerPage.locator(`[data-testid="member-${viewer.email}"][data-role="viewer"]`).waitFor();
    assert.equal(await viewerPage.getByTestId("invite-form").count(), 0, "a viewer cannot invite");
    await viewerPage.screenshot({ path: artifact("accounts-viewer-phone.png"), fullPage: true });

    // Single use: the link no longer works.
    await viewerPage.goto(link);
    assert.match((await viewerPage.getByTestId("invite-card").textContent()) ?? "", /already been used/);
  });

  test("as that viewer, deploying is refused: config:set and git push with the viewer's own token", async () => {
    ownerToken = await createToken(ownerPage, "owner-cli", "admin");
    const created = await work.berth(["apps:create", app, "--token", ownerToken, "--tenant", tenant]);
    assert.equal(created.code, 0, created.stderr + created.stdout);

    viewerToken = await createToken(viewerPage, "viewer-cli", "deploy");
    await viewerPage.screenshot({ path: artifact("accounts-token-phone.png"), fullPage: true });
    const info = await work.berth(["apps:info", app, "--token", viewerToken, "--tenant", tenant]);
    assert.equal(info.code, 0, `a viewer may read: ${info.stderr}`);
    const set = await work.berth(["config:set", app, "GREETING=hi", "--token", viewerToken, "--tenant", tenant]);
    assert.notEqual(set.code, 0, "config:set as a viewer is refused");
    assert.match(set.stderr + set.stdout, /viewer.*developer or above/);

    await work.commit(staticSite("never deployed"), "viewer tries to deploy");
    const push = await work.git(["-c", "credential.helper=", "push", pushUrl(viewerToken), "main"]);
    assert.notEqual(push.code, 0, "a viewer's push is refused");
    assert.match(push.stderr, /viewer/);
  });

  test("a read-scoped token of the owner cannot push either: the scope limits it below the owner's role", async () => {
    const readToken = await createToken(ownerPage, "owner-read", "read");
    const push = await work.git(["-c", "credential.helper=", "push", pushUrl(readToken), "main"]);
    assert.notEqual(push.code, 0);
    assert.match(push.stderr, /"read" scope/);
    await ownerPage.getByTestId("revoke-owner-read").waitFor();
    ownerPage.once("dialog", (d) => void d.accept());
    await ownerPage.getByTestId("revoke-owner-read").click();
    await ownerPage.locator('[data-testid="token-owner-read"][data-state="revoked"]').waitFor();
    const afterRevoke = await work.berth(["apps:info", app, "--token", readToken, "--tenant", tenant]);
    assert.notEqual(afterRevoke.code, 0);
    assert.match(afterRevoke.stderr + afterRevoke.stdout, /revoked/);
  });

  test("the viewer deletes their own account in the browser; their token stops working", async () => {
    await viewerPage.goto(`${config.web.publicUrl}/account`);
    await viewerPage.getByLabel("Your password").fill(PASSWORD);
    await viewerPage.getByRole("button", { name: "Delete my account" }).click();
    await viewerPage.getByText("Tick the box to confirm").waitFor(); // nothing happens without the explicit tick
    await viewerPage.getByLabel("Yes, delete my account for good").check();
    await viewerPage.getByRole("button", { name: "Delete my account" }).click();
    await viewerPage.waitForURL(/\/sign-in/);
    const refused = await work.berth(["apps:info", app, "--token", viewerToken, "--tenant", tenant]);
    assert.notEqual(refused.code, 0);
    await viewerPage.goto(`${config.web.publicUrl}/sign-in`);
    await viewerPage.getByLabel("Email", { exact: true }).fill(viewer.email);
    await viewerPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await viewerPage.getByRole("button", { name: "Sign in" }).click();
    await viewerPage.getByText("The email or password is not correct.").waitFor();
  });
});
