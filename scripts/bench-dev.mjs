#!/usr/bin/env node
// How fast an author sees an edit in `npm run dev`:
//
//   node scripts/bench-dev.mjs [--posts 3000] [--edits 5] [--json FILE] [--keep]
//
// Starts `node scripts/dev.mjs` on a working copy of the synthetic N-post corpus
// (free ports for next dev and the live-reload server), opens the newest post in
// headless Chromium, then K times changes the post's title in its file and
// measures from the write until the open page shows the new title. The page is
// expected to reload itself (dev.mjs's live reload); if it does not within
// LIVE_RELOAD_TIMEOUT_MS, that is reported and the page is reloaded by hand
// until the change shows (timed from the write as well). The figures also go to
// bench-results/bench-dev-<date>.json (or --json FILE).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, ROOT, ensureCorpus, frontMatterTitle, gitCommit, log, median, newestPost, workingCopy } from "./bench-lib.mjs";
import { browserLaunchOptions } from "./browser.mjs";

const FIRST_LOAD_TIMEOUT_MS = 120_000; // the first request compiles the app and loads the site model
const LIVE_RELOAD_TIMEOUT_MS = 30_000;
const MANUAL_RELOAD_TIMEOUT_MS = 120_000;
const SETTLE_MS = 1_500; // pause between edits, so each one is its own change for the watchers

const { values: opts } = parseArgs({
  options: {
    posts: { type: "string", default: "3000" },
    edits: { type: "string", default: "5" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const posts = Number(opts.posts);
const edits = Number(opts.edits);
if (!Number.isInteger(posts) || posts < 1 || !Number.isInteger(edits) || edits < 1) {
  console.error("usage: node scripts/bench-dev.mjs [--posts 3000] [--edits 5] [--json FILE] [--keep]");
  process.exit(2);
}
const startedAt = new Date();
const jsonFile = path.resolve(opts.json ?? path.join(ROOT, "bench-results", `bench-dev-${startedAt.toISOString().slice(0, 19).replace(/:/g, "-")}.json`));
process.chdir(ROOT);

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The text of the page's first <h1> (the post title) and the document's time
 * origin (it changes when the page is reloaded), or undefined while the page is
 * between documents.
 */
async function pageState(page) {
  try {
    return await page.evaluate(() => ({ heading: document.querySelector("h1")?.textContent ?? "", timeOrigin: performance.timeOrigin }));
  } catch {
    return undefined; // "Execution context was destroyed": a navigation is under way
  }
}

/**
 * Polls the open page (every 20 ms) until its heading contains `text`:
 * { ms: time since `since`, timeOrigin } or null on timeout. The heading is
 * there as soon as the HTML is parsed, before the `load` event.
 */
async function waitForHeading(page, text, since, timeoutMs) {
  while (performance.now() - since < timeoutMs) {
    const state = await pageState(page);
    if (state?.heading.includes(text)) return { ms: performance.now() - since, timeOrigin: state.timeOrigin };
    await sleep(20);
  }
  return null;
}

const corpus = ensureCorpus(posts);
const content = workingCopy(corpus, `dev-${posts}`);
const postFile = newestPost(content);
const originalText = fs.readFileSync(postFile, "utf8");
const title = frontMatterTitle(originalText);
if (!title) throw new Error(`No title line in ${postFile}`);

const port = await freePort();
const reloadPort = await freePort();
const logFile = path.join(BENCH_DIR, "logs", `dev-${posts}.log`);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const logStream = fs.createWriteStream(logFile);

log(`dev server: node scripts/dev.mjs -p ${port} (BLOG_CONTENT_DIR=${path.relative(ROOT, content)}, live reload on ${reloadPort}; log: ${path.relative(ROOT, logFile)})`);
// Its own process group (detached), so that stopping it stops next dev and its workers too.
const dev = spawn(process.execPath, ["scripts/dev.mjs", "-p", String(port)], {
  cwd: ROOT,
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, BLOG_CONTENT_DIR: content, BLOG_LIVE_RELOAD_PORT: String(reloadPort), NEXT_TELEMETRY_DISABLED: "1" },
});
dev.stdout.pipe(logStream);
dev.stderr.pipe(logStream);
let devExited = false;
dev.on("exit", () => (devExited = true));

async function stopDevServer() {
  if (devExited) return;
  const exited = new Promise((resolve) => dev.once("exit", resolve));
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = sleep(5_000).then(() => "timeout");
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-dev.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

let browser;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await stopDevServer();
  fs.writeFileSync(postFile, originalText);
  if (!opts.keep) fs.rmSync(content, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup().finally(() => process.exit(130));
  });
}

const results = { posts, edits, port, reloadPort, liveReload: true, timesMs: [], manualReloads: 0 };
try {
  const base = `http://localhost:${port}`;
  browser = await chromium.launch(browserLaunchOptions());
  const page = await browser.newPage();

  // The newest post is the first card on the home page; its link there gives its URL.
  const started = performance.now();
  log(`opening ${base}/blog/ (the first request compiles; up to ${FIRST_LOAD_TIMEOUT_MS / 1000} s) ...`);
  for (;;) {
    try {
      await page.goto(`${base}/blog/`, { timeout: FIRST_LOAD_TIMEOUT_MS });
      break;
    } catch (error) {
      // The server may not listen yet: retry until the overall timeout.
      if (devExited) throw new Error(`the dev server exited; see ${logFile}`);
      if (performance.now() - started > FIRST_LOAD_TIMEOUT_MS) throw error;
      await sleep(500);
    }
  }
  const href = await page.getByRole("link", { name: title.value, exact: true }).first().getAttribute("href", { timeout: 10_000 });
  await page.goto(new URL(href, base).href, { timeout: FIRST_LOAD_TIMEOUT_MS });
  let shown = await waitForHeading(page, title.value, performance.now(), 10_000);
  if (!shown) throw new Error(`the post page ${href} does not show "${title.value}"`);
  results.firstLoadMs = performance.now() - started;
  results.url = href;
  log(`post page ${href} loaded (${(results.firstLoadMs / 1000).toFixed(1)} s after start)`);

  for (let k = 1; k <= edits; k++) {
    await sleep(SETTLE_MS);
    const newTitle = `${title.value} (edit ${k} at ${Date.now()})`;
    const before = shown.timeOrigin;
    const written = performance.now();
    fs.writeFileSync(postFile, originalText.replace(title.line, `title: ${JSON.stringify(newTitle)}`));
    shown = await waitForHeading(page, newTitle, written, LIVE_RELOAD_TIMEOUT_MS);
    let how = shown && shown.timeOrigin !== before ? "live reload" : "an update without a page reload";
    if (!shown) {
      // No live reload, or it reloaded before the server saw the change: reload by hand until it shows.
      results.liveReload = false;
      results.manualReloads++;
      how = "MANUAL reload: the page did not show the change by itself";
      while (!shown && performance.now() - written < MANUAL_RELOAD_TIMEOUT_MS) {
        await page.reload().catch(() => {});
        shown = await waitForHeading(page, newTitle, written, performance.now() - written + 1_000);
      }
      if (!shown) throw new Error(`edit ${k}: the page never showed the new title`);
    }
    const { ms } = shown;
    results.timesMs.push(ms);
    log(`edit ${k}/${edits}: ${ms.toFixed(0)} ms from write to new title on the page, by ${how}`);
  }
  results.medianMs = median(results.timesMs);
  console.log(`\nDev edit-to-browser, ${posts} posts: ${results.timesMs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}; median ${results.medianMs.toFixed(0)} ms.`);
  console.log(`First load of the post page (server start, compile, site model): ${(results.firstLoadMs / 1000).toFixed(1)} s.`);
  console.log(results.liveReload ? "Live reload worked for every edit." : `Live reload did NOT work for ${results.manualReloads} of ${edits} edits: those times are until a manual reload showed the change.`);
  const cpus = os.cpus();
  const report = {
    date: startedAt.toISOString(),
    command: `node scripts/bench-dev.mjs ${process.argv.slice(2).join(" ")}`.trim(),
    git: gitCommit(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, totalMemBytes: os.totalmem(), os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version },
    ...results,
  };
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON: ${path.relative(process.cwd(), jsonFile)}`);
} finally {
  await cleanup();
}
