#!/usr/bin/env node
// `npm run lighthouse [-- PATH...]`: Lighthouse (mobile, the default profile) on pages of the
// built site in out/, served as a static host would; prints the four scores per page.
// Default pages: the index and the newest post. Needs a Chromium (see scripts/browser.mjs).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "@playwright/test";
import { playwrightBrowserInstalled, systemChromium, NO_BROWSER_HELP } from "./browser.mjs";

const port = Number(process.env.LIGHTHOUSE_PORT ?? 4299);
const outDir = path.resolve(process.env.OUT_DIR ?? "out");
if (!fs.existsSync(path.join(outDir, "index.html"))) {
  console.error(`No build in ${outDir}: run \`npm run build\` first.`);
  process.exit(1);
}
const chromePath = playwrightBrowserInstalled() ? chromium.executablePath() : systemChromium();
if (!chromePath) {
  console.error(NO_BROWSER_HELP);
  process.exit(1);
}

const server = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...process.env, PORT: String(port), OUT_DIR: outDir }, stdio: "ignore" });
await waitFor(`http://localhost:${port}/`);

let pages = process.argv.slice(2);
if (pages.length === 0) {
  const index = await (await fetch(`http://localhost:${port}/blog/`)).text();
  const firstPost = /class="post-card-title"><a href="([^"]+)"/.exec(index)?.[1];
  pages = ["/blog/", ...(firstPost ? [firstPost] : [])];
}

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const rows = [];
try {
  for (const page of pages) {
    const result = await lighthouse(`http://localhost:${port}${page}`, { port: chrome.port, output: "json", logLevel: "error" });
    const categories = result?.lhr.categories ?? {};
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    rows.push({ page, performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") });
    const audits = result?.lhr.audits ?? {};
    // The performance metrics behind the score, so a score below 100 says where it lost.
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
    console.log(`${page}: ${metrics.map((id) => `${id} ${audits[id]?.displayValue ?? "?"} (${Math.round((audits[id]?.score ?? 0) * 100)})`).join(", ")}`);
    const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable");
    if (failing.length > 0) console.log(`${page}: audits below 0.9: ${failing.map((a) => `${a.id} (${a.displayValue ?? a.score})`).join(", ")}`);
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log("\n| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.page} | ${row.performance} | ${row.accessibility} | ${row["best-practices"]} | ${row.seo} |`);

async function waitFor(url) {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}
