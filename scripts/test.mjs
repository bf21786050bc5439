#!/usr/bin/env node
// `npm test`: everything, in order: type check, unit tests, a production build
// of the sample blog, then the Playwright suite against that build, served as
// a static host would serve it. Gets a browser first if there is none.
//   npm test -- --unit    only type check and unit tests
//   npm test -- --e2e     only build + browser tests
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { NO_BROWSER_HELP, playwrightBrowserInstalled, systemChromium } from "./browser.mjs";

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";

function run(title, command, commandArgs, env = {}) {
  console.log(`\n━━ ${title}: ${command} ${commandArgs.join(" ")}`);
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function ensureBrowser() {
  if (playwrightBrowserInstalled()) return "Playwright's Chromium";
  const system = systemChromium();
  if (system) return system;
  console.log("No browser found: trying `npx playwright install chromium` ...");
  spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit", timeout: 180_000 });
  if (playwrightBrowserInstalled()) return "Playwright's Chromium";
  console.error(`\n${NO_BROWSER_HELP}`);
  process.exit(1);
}

if (only !== "e2e") {
  run("Type check", "npx", ["tsc", "--noEmit"]);
  run("Unit tests", "npx", ["vitest", "run"]);
}
if (only !== "unit") {
  const browser = ensureBrowser();
  console.log(`\nBrowser for end-to-end tests: ${browser}`);
  // The real ePages blog, unchanged, with the overlay a team would add to its config
  // (its previous URL scheme, the site's pages outside the blog).
  const corpus = path.resolve("../shared/corpus/devblog");
  fs.rmSync(".cache/out-corpus", { recursive: true, force: true });
  fs.rmSync(".cache/out-runtime", { recursive: true, force: true });
  fs.rmSync(".cache/out-baseurl", { recursive: true, force: true });
  if (fs.existsSync(path.join(corpus, "_posts"))) {
    run("Build the ePages corpus", process.execPath, ["scripts/build.mjs", "--content", corpus, "--out", ".cache/out-corpus"], {
      BLOG_CONFIG: `_config.yml,${path.resolve("e2e/corpus/config-overlay.yml")}`,
      BLOG_QUIET: "1",
      // Its posts are split over three search indexes, as a large blog's are, so that merging them is tested.
      BLOG_SEARCH_POSTS_PER_INDEX: "70",
    });
  } else {
    console.log(`\nCorpus tests skipped: ${corpus} is not there (they need ../shared/corpus/devblog next to the project).`);
  }
  // Last: `build.mjs --out` builds in out/ and then moves it, so the sample must be built after the corpus.
  // The smoke tests know the sample blog in content/, whatever BLOG_CONTENT_DIR says.
  // The same sample blog with Next.js's client runtime kept (client_runtime: true): the other mode a site can choose.
  run("Build the sample blog with the client runtime", process.execPath, ["scripts/build.mjs", "--out", ".cache/out-runtime"], {
    BLOG_CONTENT_DIR: "",
    BLOG_QUIET: "1",
    BLOG_CLIENT_RUNTIME: "1",
  });
  run("Build the sample blog under a baseurl", process.execPath, ["scripts/build.mjs", "--out", ".cache/out-baseurl"], {
    BLOG_CONTENT_DIR: "",
    BLOG_CONFIG: `_config.yml,${path.resolve("e2e/baseurl/config-overlay.yml")}`,
    BLOG_QUIET: "1",
  });
  run("Build the sample blog", process.execPath, ["scripts/build.mjs"], { BLOG_CONTENT_DIR: "", BLOG_QUIET: "1" });
  run("Browser tests", "npx", ["playwright", "test"]);
}
console.log("\n✓ All tests passed.");
