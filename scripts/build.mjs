#!/usr/bin/env node
// `npm run build`: the static export of the blog in out/.
//   --content DIR   build another Jekyll site root (same as BLOG_CONTENT_DIR=DIR)
//   --out DIR       write the export to DIR instead of out/
//   --drafts        include drafts (marked as such); --future: include future-dated posts
//   --no-search     skip the search index (Pagefind), for quicker builds that do not need search
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTrash, listFolder, moveFolder, removeStalePrerenders } from "./build-output.mjs";
import { placeFiles, stripClientRuntimeInThread } from "./finalize-export.mjs";
import { buildSearchIndex } from "./search-index.mjs";

const { values } = parseArgs({
  options: {
    content: { type: "string" },
    out: { type: "string" },
    drafts: { type: "boolean", default: false },
    future: { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
  },
});

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// One "now" for every process of the build, so a post scheduled for a moment that passes
// mid-build is either published everywhere (its page, lists, feeds) or nowhere.
env.BLOG_NOW ||= new Date().toISOString();
if (values.content) env.BLOG_CONTENT_DIR = path.resolve(values.content);
if (values.drafts) env.BLOG_DRAFTS = "1";
if (values.future) env.BLOG_FUTURE = "1";

const started = performance.now();
const phases = [];
let phaseStart = started;
/** Records how long the step that just ended took (printed at the end, read by the benchmark). */
function phase(name) {
  const now = performance.now();
  phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
}
// The content check first: it lists every problem with file and line, stops on those that
// prevent correct pages, and renders each post once into the cache that `next build` reads.
const defaultOut = path.resolve("out");
const target = values.out ? path.resolve(values.out) : defaultOut;
// Found out before the build, not after it: a folder that cannot be made, or a file in the way.
try {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw new Error("it is a file, not a folder");
} catch (error) {
  console.error(`Cannot write the export to ${target}: ${error.message}. Choose another --out folder.`);
  process.exit(1);
}
// The check also writes what the rest of the build needs from the site model: the base URL, whether
// pages keep the client runtime, and the pages to index.
const buildInfoFile = path.join(os.tmpdir(), `blog-build-info-${process.pid}.json`);
process.on("exit", () => fs.rmSync(buildInfoFile, { force: true }));
const check = spawnSync(process.execPath, ["--conditions=react-server", "scripts/run-check.mjs", "--build", "--build-info", buildInfoFile], { stdio: "inherit", env });
if (check.status !== 0) process.exit(check.status ?? 1);
const buildInfo = readBuildInfo();
// next.config.js reads the config for it otherwise, loading tsx (0.3 s).
if (typeof buildInfo?.baseUrl === "string") env.BLOG_BASE_PATH ??= buildInfo.baseUrl;
// Pages without the client runtime need no RSC payload files: Next.js's export step does not copy them.
if (buildInfo?.clientRuntime === false) {
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(path.resolve("scripts", "next-export-preload.cjs"))}`.trim();
}
phase("check");

// The check has reported the content problems; the build need not print them again.
env.BLOG_QUIET = "1";
const trash = createTrash(path.resolve(".trash"));
// Also when the build stops early.
process.on("exit", () => trash.empty());
// What a build replaces is set aside, and deleted only when the new site is written. Next.js's own
// output goes, except its cache and the pages it prerendered last time, which it overwrites in place
// (next.config.js: cleanDistDir false). See createTrash in build-output.mjs for why.
for (const entry of listFolder(".next")) if (entry !== "cache" && entry !== "server") trash.add(path.join(".next", entry));
for (const entry of listFolder(path.join(".next", "server"))) if (entry !== "app") trash.add(path.join(".next", "server", entry));
// Next.js always exports to out/, and empties it first: an existing out/ is set aside, and put back
// unless it is the target of a build that succeeds.
const setAside = fs.existsSync(defaultOut) ? `${defaultOut}.kept-${process.pid}` : undefined;
if (setAside) fs.renameSync(defaultOut, setAside);
const nextStarted = Date.now();
const next = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env });
phase("next build");
if (next.status === 0) {
  removeStalePrerenders(path.join(".next", "server", "app"), nextStarted);
  placeFiles(defaultOut);
  if (target !== defaultOut) {
    trash.add(target);
    moveFolder(defaultOut, target);
  }
}
if (setAside && target === defaultOut && next.status === 0) trash.add(setAside);
else if (setAside) {
  fs.rmSync(defaultOut, { recursive: true, force: true });
  fs.renameSync(setAside, defaultOut);
}
if (next.status !== 0) process.exit(next.status ?? 1);
const outDir = target;
// Next's runtime comes off every page in a thread while Pagefind indexes the same pages (their text stays).
const stripped = stripClientRuntimeInThread(outDir);
if (!values["no-search"]) await buildSearchIndex(outDir, { quiet: Boolean(env.BLOG_QUIET), pages: buildInfo?.searchPages });
const { errorPages } = await stripped;
if (errorPages.length > 0) {
  console.error(`\nThe build exported ${errorPages.length} page${errorPages.length === 1 ? "" : "s"} as Next.js's error page instead of content:`);
  for (const page of errorPages.slice(0, 20)) console.error(`  ${path.join(path.relative(process.cwd(), outDir) || outDir, page)}`);
  console.error("Rendering them threw an error: open the same URL in `npm run dev` to see it. The export is incomplete, so it is not published.");
  process.exit(1);
}
trash.empty();
phase(values["no-search"] ? "finalize" : "finalize and search index");
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nStatic site written to ${path.relative(process.cwd(), outDir) || outDir} in ${seconds} s (${phases.join(", ")}; content: ${env.BLOG_CONTENT_DIR ?? "content/"}).`);

/** What the check wrote for the build; without it, next.config.js reads the base URL and the search index finds its pages in the export. */
function readBuildInfo() {
  try {
    return JSON.parse(fs.readFileSync(buildInfoFile, "utf8"));
  } catch {
    return undefined;
  }
}
