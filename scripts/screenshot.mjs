#!/usr/bin/env node
// Takes full-page screenshots of pages of the running site, to look at them as a reader would.
// Usage: node scripts/screenshot.mjs http://localhost:3000/blog/ out.png [width=1280] [--dark] [--viewport] [--selector=CSS]
import { chromium } from "@playwright/test";
import { browserLaunchOptions } from "./browser.mjs";

const [url, file, width = "1280", ...flags] = process.argv.slice(2);
if (!url || !file) {
  console.error("usage: node scripts/screenshot.mjs URL FILE.png [WIDTH] [--dark] [--viewport]");
  process.exit(2);
}
const browser = await chromium.launch(browserLaunchOptions());
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(width) < 600 ? 800 : 900 },
  colorScheme: flags.includes("--dark") ? "dark" : "light",
  deviceScaleFactor: 1,
});
await page.goto(url, { waitUntil: "networkidle" });
const selector = flags.find((f) => f.startsWith("--selector="))?.slice("--selector=".length);
if (selector) await page.locator(selector).first().screenshot({ path: file });
else await page.screenshot({ path: file, fullPage: !flags.includes("--viewport") });
await browser.close();
console.log(file);
