import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig } from "@berth/config/config";
import { artifact, launchBrowser } from "./support/browser";
import { platformCli } from "./support/platform";

const config = loadConfig();
const COMPONENTS = ["postgres", "redis", "docker", "registry", "router"] as const;

async function signIn(page: Page, password = config.admin.password): Promise<void> {
  await page.goto(config.web.publicUrl);
  await page.getByLabel("Email").fill(config.admin.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function card(page: Page, name: string) {
  return page.getByTestId(`health-${name}`);
}

async function apiHealth(): Promise<{ status: number; body: { ok: boolean; components: { name: string; ok: boolean; reason: string }[] } }> {
  const res = await fetch(`http://127.0.0.1:${config.web.port}/api/health`);
  return { status: res.status, body: await res.json() };
}

describe("console: sign-in and platform health, on the running platform", () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    // Whatever happened, leave every service running for the tests after this one.
    await platformCli(["start", "redis"]);
    await platformCli(["start", "registry"]);
    await browser?.close();
  });

  test("the console opens on a sign-in page", async () => {
    await page.goto(config.web.publicUrl);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    assert.match(new URL(page.url()).pathname, /sign-in/);
    await page.screenshot({ path: artifact("sign-in.png"), fullPage: true });
  });

  test("a wrong password is refused in plain words", async () => {
    await signIn(page, "not-the-password");
    await page.locator("form [role=alert]").waitFor();
    assert.match(new URL(page.url()).pathname, /sign-in/);
  });

  test("the admin signs in with the printed credentials and sees all five components healthy", async () => {
    await signIn(page);
    await page.waitForURL(/\/admin\/health/);
    for (const name of COMPONENTS) {
      await page.locator(`[data-testid="health-${name}"][data-status="ok"]`).waitFor({ timeout: 15_000 });
    }
    await page.screenshot({ path: artifact("platform-health.png"), fullPage: true });
    const { status, body } = await apiHealth();
    assert.equal(status, 200);
    assert.deepEqual(body.components.map((c) => c.name).sort(), [...COMPONENTS].sort());
  });

  for (const service of ["redis", "registry"] as const) {
    test(`stopping ${service} turns it red with a reason, starting it turns it green again`, async () => {
      const stopped = await platformCli(["stop", service]);
      assert.equal(stopped.code, 0, stopped.output);

      await page.locator(`[data-testid="health-${service}"][data-status="down"]`).waitFor({ timeout: 15_000 });
      const reason = (await card(page, service).textContent()) ?? "";
      assert.match(reason, /refused|unreachable|not answer|down|ECONNREFUSED/i);
      await page.screenshot({ path: artifact(`platform-health-${service}-down.png`), fullPage: true });

      const down = await apiHealth();
      assert.equal(down.status, 503);
      const entry = down.body.components.find((c) => c.name === service);
      assert.equal(entry?.ok, false);
      assert.ok(entry?.reason.length, "the API gives a reason");
      assert.ok(down.body.components.filter((c) => c.name !== service).every((c) => c.ok), "only the stopped service is down");

      const started = await platformCli(["start", service]);
      assert.equal(started.code, 0, started.output);
      await page.locator(`[data-testid="health-${service}"][data-status="ok"]`).waitFor({ timeout: 15_000 });
      assert.equal((await apiHealth()).status, 200);
    });
  }
});
