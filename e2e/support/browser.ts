import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

/** Screenshots of the main pages are kept here so a reviewer can look at what the run saw. */
export const ARTIFACTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

/**
 * Debian's Chromium, driven by playwright-core (Playwright's own browser download cannot work
 * offline). The flags stop Chromium from calling home, which this machine's network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export function artifact(name: string): string {
  return path.join(ARTIFACTS_DIR, name);
}
