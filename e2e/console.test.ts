import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { nodeGreeter } from "./fixtures/apps";
import { artifact, launchBrowser } from "./support/browser";
import { GitWorkspace, type CommandResult } from "./support/git-workspace";

/**
 * The web console end to end, against the production build and the real platform: a developer
 * signs up, makes a tenant and an app, pushes with git and watches the build log arrive in the
 * page, opens the app, changes a config var, rolls back with the button; a viewer sees it all and
 * can change nothing. Screenshots of the main pages land in e2e/artifacts/console-*.png.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const suffix = randomBytes(3).toString("hex");
const tenant = `e2e-con-${suffix}`;
const app = `greeter-${suffix}`;
const PASSWORD = "e2e console password";
const owner = { email: `con-owner-${suffix}@e2e.berth.test`, name: "Dana Developer" };
const viewer = { email: `con-viewer-${suffix}@e2e.berth.test`, name: "Vera Viewer" };
const web = config.web.publicUrl;
const DEPLOY_TIMEOUT = 240_000;

async function signUp(page: Page, who: { email: string; name: string }): Promise<void> {
  await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The app's page body as a browser gets it at its own URL (<app>.<tenant>.localhost through the router). */
async function bodyAt(context: BrowserContext, url: string): Promise<string> {
  const tab = await context.newPage();
  try {
    await tab.goto(url);
    return (await tab.locator("body").innerText()).trim();
  } finally {
    await tab.close();
  }
}

describe("console: push, watch, configure, roll back; a viewer only looks", () => {
  let browser: Browser;
  let ownerContext: BrowserContext;
  let viewerContext: BrowserContext;
  let page: Page;
  let viewerPage: Page;
  let token = "";
  let appUrl = "";
  const work = new GitWorkspace();
  const appPath = `/t/${tenant}/apps/${app}`;

  before(async () => {
    browser = await launchBrowser();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    viewerContext = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
    page = await ownerContext.newPage();
    viewerPage = await viewerContext.newPage();
    await work.init();
  });

  after(async () => {
    // The test destroys the app itself; this covers a run that stopped before that point.
    if (token) await work.berth(["apps:destroy", app, "--confirm", app, "--token", token, "--tenant", tenant]);
    // The test's token is deploy-scoped and may not delete a tenant or an account: those rows go
    // through the database, so test tenants and users do not pile up run after run.
    await db.tenant.deleteMany({ where: { name: tenant } });
    await db.user.deleteMany({ where: { email: { in: [owner.email, viewer.email] } } });
    await db.$disconnect();
    work.remove();
    await browser?.close();
  });

  test("a developer signs up, creates a tenant, opens it and creates an app; the page shows the git URL and the push commands", async () => {
    await page.goto(`${web}/sign-up`);
    await signUp(page, owner);
    await page.waitForURL(/\/tenants$/);
    await page.getByLabel("Name", { exact: true }).fill(tenant);
    await page.getByRole("button", { name: "Create tenant" }).click();
    await page.getByTestId(`open-${tenant}`).click();
    await page.waitForURL(new RegExp(`/t/${tenant}/apps$`));
    await page.getByTestId("apps-empty").waitFor();

    await page.getByLabel("App name").fill("Not_A_Label");
    await page.getByRole("button", { name: "Create app" }).click();
    assert.match((await page.getByTestId("create-app-error").textContent()) ?? "", /name/i, "a bad name is refused in words");
    await page.getByLabel("App name").fill(app);
    await page.getByRole("button", { name: "Create app" }).click();
    await page.waitForURL(new RegExp(`${appPath}\\?created=1$`));
    const gitUrl = (await page.getByTestId("git-url").textContent())?.trim();
    assert.equal(gitUrl, `${web}/git/${tenant}/${app}.git`);
    assert.match((await page.getByTestId("push-commands").textContent()) ?? "", new RegExp(`berth git:remote ${app} --tenant ${tenant}\\s+git push berth main`));
    await page.getByTestId("app-status").and(page.locator('[data-status="new"]')).waitFor();
    await page.screenshot({ path: artifact("console-app-created.png"), fullPage: true });
  });

  test("pushing with git: the build log appears in the page while the build runs, and the app goes live", async () => {
    // A deploy-scoped token, made in the console, is the git password.
    await page.goto(`${web}/account`);
    await page.getByLabel("Name", { exact: true }).fill("git");
    await page.getByLabel("Scope").selectOption("deploy");
    await page.getByRole("button", { name: "Create token" }).click();
    token = (await page.getByTestId("token-secret").textContent())?.trim() ?? "";
    assert.match(token, /^berth_/);

    await page.goto(`${web}${appPath}/deployments`);
    await page.getByTestId("deployments-empty").waitFor();
    await work.commit(nodeGreeter("hello from the console test"), "first version");
    const url = new URL(web);
    const pushing: Promise<CommandResult> = work.git(["-c", "credential.helper=", "push", `${url.protocol}//berth:${token}@${url.host}/git/${tenant}/${app}.git`, "main"]);

    // The list learns about the new deployment from the app's event stream, without a reload.
    const row = page.locator('[data-testid^="deployment-"]').first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`${appPath}/deployments/[a-z0-9]+$`));
    // Lines arrive while the deployment is still running: the log is live, not loaded at the end.
    await page.locator('[data-testid="deployment-log"][data-ended="false"] [data-seq]').first().waitFor({ timeout: 60_000 });
    const whileRunning = await page.locator("[data-seq]").count();
    await page.screenshot({ path: artifact("console-build-log-live.png"), fullPage: true });
    await page.locator('[data-testid="deployment-log"][data-ended="true"][data-status="live"]').waitFor({ timeout: DEPLOY_TIMEOUT });
    const atEnd = await page.locator("[data-seq]").count();
    assert.ok(atEnd > whileRunning, `more lines arrived after the first ones were shown (${whileRunning} then ${atEnd})`);
    const seqs = await page.locator("[data-seq]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), "lines are in order");
    assert.equal(new Set(seqs).size, seqs.length, "no line is shown twice");
    assert.match(await page.getByTestId("log-lines").innerText(), /live/i);
    // What detection decided is shown above the log.
    await page.getByTestId("build-plan").getByText(/^node/).first().waitFor();
    await page.screenshot({ path: artifact("console-build-log-done.png"), fullPage: true });

    const push = await pushing;
    assert.equal(push.code, 0, push.stderr);
  });

  test("the apps list says live with release v1, and the app's URL serves its body", async () => {
    await page.goto(`${web}/t/${tenant}/apps`);
    await page.locator(`[data-testid="app-${app}"][data-status="live"]`).waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId(`app-${app}`).textContent()) ?? "", /v1/);
    await page.screenshot({ path: artifact("console-apps-list.png"), fullPage: true });
    await page.goto(`${web}${appPath}`);
    appUrl = (await page.getByTestId("app-url").getAttribute("href")) ?? "";
    assert.equal(appUrl, `http://${app}.${tenant}.${config.baseDomain}${config.router.port === 80 ? "" : `:${config.router.port}`}`);
    await page.getByTestId("instance-list").waitFor();
    await page.screenshot({ path: artifact("console-app-overview.png"), fullPage: true });
    assert.equal(await bodyAt(ownerContext, appUrl), "hello from the console test (no greeting)");
  });

  test("changing a config var makes a new release, followed live on the page, and the app serves the new value", async () => {
    await page.goto(`${web}${appPath}/config`);
    await page.getByTestId("config-empty").waitFor();
    await page.getByLabel("Key", { exact: true }).fill("GREETING");
    await page.getByLabel("Value", { exact: true }).fill("and welcome");
    await page.getByRole("button", { name: "Set and release" }).click();
    await page.locator('[data-testid="config-progress"] [data-testid="deployment-log"][data-status="live"][data-ended="true"]').waitFor({ timeout: DEPLOY_TIMEOUT });
    assert.equal(await page.getByTestId("config-value-GREETING").textContent(), "••••••", "values stay masked until revealed");
    await page.getByTestId("reveal-values").click();
    await page.locator('[data-testid="config-value-GREETING"]', { hasText: "and welcome" }).waitFor();
    await page.screenshot({ path: artifact("console-config.png"), fullPage: true });

    await page.goto(`${web}${appPath}/releases`);
    await page.locator('[data-testid="release-v2"][data-current="true"]').waitFor();
    assert.equal(await bodyAt(ownerContext, appUrl), "hello from the console test and welcome");
  });

  test("rolling back with the button asks first, shows the progress, and the old body is served again", async () => {
    await page.getByTestId("rollback-v1").click();
    assert.equal(await page.getByTestId("rollback-progress").count(), 0, "nothing happens before the confirmation");
    await page.getByTestId("rollback-v1-confirm").click();
    await page.getByTestId("rollback-progress").waitFor();
    await page.screenshot({ path: artifact("console-rollback-progress.png"), fullPage: true });
    await page.locator('[data-testid="rollback-progress"] [data-testid="deployment-log"][data-status="live"][data-ended="true"]').waitFor({ timeout: DEPLOY_TIMEOUT });
    await page.locator('[data-testid="release-v3"][data-current="true"]').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId("release-v3").textContent()) ?? "", /v1/);
    await page.screenshot({ path: artifact("console-releases.png"), fullPage: true });
    assert.equal(await bodyAt(ownerContext, appUrl), "hello from the console test (no greeting)");
  });

  test("the scaling, health-check, build and logs tabs show the running app; its output tails live", async () => {
    await page.goto(`${web}${appPath}/scaling`);
    await page.getByTestId("process-web").waitFor();
    assert.match(await page.getByTestId("process-web").innerText(), /running/);
    await page.screenshot({ path: artifact("console-scaling.png"), fullPage: true });
    await page.getByTestId("tab-health-check").click();
    await page.getByTestId("health-check-web").waitFor();
    await page.getByTestId("tab-build").click();
    await page.getByTestId("build-settings-form").waitFor();
    await page.getByTestId("tab-logs").click();
    await page.waitForURL(new RegExp(`${appPath}/logs$`));
    await page.getByTestId("runtime-log-lines").getByText(/listening on \d+/).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifact("console-runtime-logs.png"), fullPage: true });
  });

  test("a viewer, invited by link, sees the app, its releases and its config keys at phone width, and can change nothing", async () => {
    await page.goto(`${web}/t/${tenant}/members`);
    // An invitation sent by mistake is withdrawn, after a confirmation.
    const mistaken = `mistake-${suffix}@e2e.berth.test`;
    await page.getByLabel("Email", { exact: true }).fill(mistaken);
    await page.getByRole("button", { name: "Create invite link" }).click();
    await page.getByTestId(`withdraw-${mistaken}`).click();
    await page.getByTestId(`withdraw-${mistaken}-confirm`).click();
    await page.getByTestId(`invitation-${mistaken}`).waitFor({ state: "detached" });

    await page.getByLabel("Email", { exact: true }).fill(viewer.email);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Create invite link" }).click();
    const link = (await page.getByTestId("invite-link").textContent())?.trim() ?? "";
    await viewerPage.goto(link);
    await viewerPage.getByTestId("invite-sign-up").click();
    await signUp(viewerPage, viewer);
    await viewerPage.waitForURL(/\/invite\//);
    await viewerPage.getByTestId("invite-accept").click();
    await viewerPage.waitForURL(/\/members/);

    await viewerPage.goto(`${web}/t/${tenant}/apps`);
    await viewerPage.locator(`[data-testid="app-${app}"][data-status="live"]`).waitFor();
    assert.equal(await viewerPage.getByTestId("create-app-form").count(), 0, "a viewer cannot create apps");
    await viewerPage.screenshot({ path: artifact("console-viewer-apps-phone.png"), fullPage: true });
    const width = await viewerPage.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page fits a phone's width (${width}px)`);

    await viewerPage.goto(`${web}${appPath}/releases`);
    await viewerPage.getByTestId("viewer-note").waitFor();
    await viewerPage.locator('[data-testid="release-v3"][data-current="true"]').waitFor();
    assert.equal(await viewerPage.locator('[data-testid^="rollback-v"]').count(), 0, "no rollback buttons for a viewer");

    await viewerPage.goto(`${web}${appPath}/config`);
    await viewerPage.getByTestId("config-GREETING").waitFor();
    assert.equal(await viewerPage.getByTestId("config-value-GREETING").textContent(), "••••••");
    for (const control of ["reveal-values", "set-config-form", "bulk-config-form", "unset-GREETING"]) {
      assert.equal(await viewerPage.getByTestId(control).count(), 0, `a viewer gets no ${control}`);
    }
    await viewerPage.screenshot({ path: artifact("console-viewer-config-phone.png"), fullPage: true });

    // And the API behind the page refuses the change too, in words.
    const refused = await viewerPage.evaluate(
      async ([t, a]) => {
        const res = await fetch("/api/trpc/config.set", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tenant: t, app: a, set: { GREETING: "hacked" } }) });
        return { status: res.status, body: await res.text() };
      },
      [tenant, app] as const,
    );
    assert.equal(refused.status, 403);
    assert.match(refused.body, /viewer/);
    assert.equal(await bodyAt(viewerContext, appUrl), "hello from the console test (no greeting)");

    // Another team's pages answer 404, like pages that do not exist.
    const foreign = await viewerPage.goto(`${web}/t/main/apps`);
    assert.equal(foreign?.status(), 404);
    await viewerPage.getByTestId("not-found").waitFor();

    // The admin panel is not theirs: a real 403 page.
    const admin = await viewerPage.goto(`${web}/admin/nodes`);
    assert.equal(admin?.status(), 403);
    await viewerPage.getByText("Only platform admins can see this page").waitFor();
  });

  test("the audit log lists what happened, and filters by action through the URL", async () => {
    await page.goto(`${web}/t/${tenant}/audit`);
    await page.locator('[data-testid="audit-event"][data-action="release.rollback"]').first().waitFor();
    await page.getByLabel("Action").fill("config.set");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=config\.set/);
    await page.locator('[data-testid="audit-event"][data-action="config.set"]').first().waitFor();
    assert.equal(await page.locator('[data-testid="audit-event"]:not([data-action="config.set"])').count(), 0);
    assert.doesNotMatch(await page.getByTestId("audit-list").innerText(), /and welcome/, "config values never reach the audit log");
    await page.screenshot({ path: artifact("console-audit.png"), fullPage: true });
  });

  test("deleting the app needs its name typed; then it is gone from the list and its URL", async () => {
    await page.goto(`${web}${appPath}`);
    assert.equal(await page.getByTestId("destroy-app").isDisabled(), true, "the button waits for the name");
    await page.getByTestId("destroy-confirm-name").fill(app);
    await page.getByTestId("destroy-app").click();
    await page.waitForURL(new RegExp(`/t/${tenant}/apps$`));
    await page.getByTestId("apps-empty").waitFor();
    assert.doesNotMatch(await bodyAt(ownerContext, appUrl), /hello from the console test/);
  });
});
