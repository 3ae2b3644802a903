import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig } from "@berth/config/config";
import { artifact, launchBrowser } from "./support/browser";

/**
 * The admin panel on the running platform, as the platform admin bring-up made: the Swarm node
 * this machine is, the job queues, the registry and every tenant. Screenshots in e2e/artifacts.
 */
const config = loadConfig();
const web = config.web.publicUrl;

describe("admin panel: nodes, queues, registry, tenants", () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web}/sign-in`);
    await page.getByLabel("Email").fill(config.admin.email);
    await page.getByLabel("Password").fill(config.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/health$/);
  });

  after(async () => {
    await browser?.close();
  });

  test("nodes: this machine is a ready Swarm manager, with its CPUs, memory and local disk", async () => {
    await page.getByTestId("admin-nodes").click();
    await page.waitForURL(/\/admin\/nodes$/);
    const node = page.locator('[data-testid^="node-"][data-state="ready"]').first();
    await node.waitFor();
    const text = await node.innerText();
    assert.match(text, /manager/);
    assert.match(text, /\d+ cores/);
    assert.match(text, /free of/, "the local node reports its disk");
    await page.screenshot({ path: artifact("console-admin-nodes.png"), fullPage: true });
  });

  test("job queues: the catalog's queues with their counts", async () => {
    await page.getByTestId("admin-queues").click();
    for (const queue of ["platform", "deploy"]) {
      const completed = await page.getByTestId(`queue-${queue}-completed`).textContent();
      assert.match(completed ?? "", /^\d+$/);
    }
    await page.locator('[data-testid="failed-empty"], [data-testid="failed-list"]').first().waitFor();
    await page.screenshot({ path: artifact("console-admin-queues.png"), fullPage: true });
  });

  test("registry: repositories with tags and sizes", async () => {
    await page.getByTestId("admin-registry").click();
    assert.match((await page.getByTestId("registry-total").textContent()) ?? "", /in \d+ repositor/);
    await page.screenshot({ path: artifact("console-admin-registry.png"), fullPage: true });
  });

  test("tenants: every tenant with its quotas, and the suspend control", async () => {
    await page.getByTestId("admin-tenants").click();
    const main = page.getByTestId("admin-tenant-main");
    await main.waitFor();
    assert.match(await main.innerText(), /Quotas:/);
    assert.equal(await page.getByTestId("suspend-main").count(), 1);
    await page.screenshot({ path: artifact("console-admin-tenants.png"), fullPage: true });
  });
});
