import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { waitForRelease } from "@berth/core/deployments/wait-for-release";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { askRouterForHost } from "@berth/router/probe";
import { createRuntimeFixture, type RuntimeFixture } from "../packages/core/test/support/runtime-fixture";
import { artifact, launchBrowser } from "./support/browser";

/**
 * The Domains tab against the production build and the real router: an admin adds a custom domain
 * to a running app (a bad name first, refused in plain words), the router serves the app under it,
 * a viewer sees the domain without controls, and removal (confirmed in the page) stops the routing.
 * The app is a prebuilt image released straight to Swarm, so no build is needed here.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const web = config.web.publicUrl;
const PASSWORD = "e2e domains password";
let fx: RuntimeFixture;
let hostname = "";
const people: Record<"admin" | "viewer", string> = { admin: "", viewer: "" };

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${web}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

describe("console: custom domains tab", () => {
  let browser: Browser;
  let adminPage: Page;
  let viewerPage: Page;
  const domainsPath = () => `${web}/t/${fx.tenant.name}/apps/${fx.app.name}/domains`;

  before(async () => {
    fx = await createRuntimeFixture({ db, docker, config }, "e2edom");
    const release = await fx.release({ processTypes: { web: "node /app/server.js" }, config: { GREETING: "domains-e2e" } });
    await waitForRelease(docker, config, { appId: fx.app.id, releaseId: release.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
    hostname = `shop-${fx.app.name}.example.test`;
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ["admin", "viewer"] as const) {
      const email = `dom-${role}-${fx.app.name}@e2e.berth.test`;
      const user = await db.user.create({ data: { email, passwordHash }, select: { id: true } });
      await db.membership.create({ data: { tenantId: fx.tenant.id, userId: user.id, role } });
      people[role] = email;
    }
    browser = await launchBrowser();
    adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    viewerPage = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    await signIn(adminPage, people.admin);
    await signIn(viewerPage, people.viewer);
  });

  after(async () => {
    await browser?.close();
    await fx?.cleanup();
    await db.user.deleteMany({ where: { email: { in: Object.values(people).filter(Boolean) } } });
    await db.$disconnect();
  });

  test("an admin adds a domain (a bad one is refused in words) and the router serves the app under it", async () => {
    await adminPage.goto(domainsPath());
    await adminPage.getByTestId("domains-empty").waitFor();
    await adminPage.getByLabel("Hostname").fill(`web.other.${config.baseDomain}`);
    await adminPage.getByRole("button", { name: "Add domain" }).click();
    const error = adminPage.getByTestId("add-domain-error");
    await error.waitFor();
    assert.match(await error.innerText(), /Berth's own app addresses/);

    await adminPage.getByLabel("Hostname").fill(hostname.toUpperCase());
    await adminPage.getByRole("button", { name: "Add domain" }).click();
    await adminPage.getByTestId(`domain-${hostname}`).waitFor();
    const answer = await askRouterForHost(config.router.url, hostname);
    assert.equal(answer.status, 200);
    assert.match(answer.body, /^hello domains-e2e from /);
    await adminPage.screenshot({ path: artifact("console-domains.png"), fullPage: true });
  });

  test("a viewer sees the domain but has no controls", async () => {
    await viewerPage.goto(domainsPath());
    await viewerPage.getByTestId(`domain-${hostname}`).waitFor();
    await viewerPage.getByTestId("domains-readonly-note").waitFor();
    assert.equal(await viewerPage.getByTestId("add-domain-form").count(), 0);
    assert.equal(await viewerPage.getByTestId(`remove-domain-${hostname}`).count(), 0);
    await viewerPage.screenshot({ path: artifact("console-domains-viewer.png"), fullPage: true });
  });

  test("removal asks in the page first; after it the router no longer knows the name", async () => {
    await adminPage.getByTestId(`remove-domain-${hostname}`).click();
    await adminPage.getByTestId(`remove-domain-${hostname}-confirm`).click();
    await adminPage.getByTestId("domains-empty").waitFor();
    const answer = await askRouterForHost(config.router.url, hostname);
    assert.equal(answer.isFallback, true, `the router's "no such app" answer (got ${answer.status})`);
    assert.match((await askRouterForHost(config.router.url, fx.host)).body, /^hello domains-e2e from /, "the default address still serves");
  });
});
