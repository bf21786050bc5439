// Which Chromium the tests and scripts drive: Playwright's own when it is
// installed, else the system's (Debian/Ubuntu package `chromium`), else none,
// with a message saying how to get one.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function playwrightBrowserInstalled() {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function systemChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return SYSTEM_CHROMIUMS.find((file) => fs.existsSync(file));
}

export const NO_BROWSER_HELP = `No browser for the end-to-end tests.
Install one of:
  - Playwright's Chromium:   npx playwright install chromium   (needs access to Playwright's download host)
  - the system's Chromium:   sudo apt-get install chromium       (Debian/Ubuntu; or set CHROMIUM_PATH=/path/to/chrome)
then run the tests again.`;

/** Launch options for Playwright's chromium: its own browser if present, else the system's. */
export function browserLaunchOptions() {
  if (playwrightBrowserInstalled()) return {};
  const executablePath = systemChromium();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  // The sandbox needs user namespaces, which containers and root sessions often lack.
  return { executablePath, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] };
}
