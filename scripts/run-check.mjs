#!/usr/bin/env node
// `npm run check` and the build's content check (run with --conditions=react-server): scripts/check.mts
// and its render threads' entry, compiled to JavaScript by esbuild (about 0.2 s) and run from there.
// Loaded as TypeScript through tsx instead, every module goes through tsx's loader hooks, which run on
// a thread of their own per thread that loads modules: a cold check of 3,000 posts took 15.6 to 15.8 s
// that way against 14.6 to 14.8 s compiled (1.7 s less CPU). Packages stay where they are in
// node_modules/; only the blog's own TypeScript is bundled.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT = fileURLToPath(new URL("..", import.meta.url));
/** Inside the project, so that the bundles' imports of packages resolve to its node_modules/. */
const COMPILED_DIR = path.join(PROJECT, ".cache", "compiled");
const ENTRIES = { check: path.join(PROJECT, "scripts", "check.mts"), "render-worker": path.join(PROJECT, "lib", "check", "render-worker.ts") };
/** Bundles of other versions of the code are removed once this old (a build running meanwhile may still load its own). */
const STALE_MS = 60 * 60 * 1000;

/** The compiled entries, in a folder named by their content: the same code is written once. */
async function compile() {
  const { build, stop } = await import("esbuild");
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    packages: "external",
    platform: "node",
    target: "node20",
    format: "esm",
    conditions: ["react-server"],
    outdir: COMPILED_DIR,
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: "silent",
  });
  // esbuild's service process is not needed again.
  await stop();
  const hash = createHash("sha1");
  for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
  const dir = path.join(COMPILED_DIR, hash.digest("hex").slice(0, 16));
  if (fs.existsSync(dir)) {
    // Used now: not stale for another hour (removeStale), as a build may start render threads from it until it ends.
    const now = new Date();
    fs.utimesSync(dir, now, now);
  } else {
    // Written aside and renamed into place, so that a build running at the same time never reads half a file.
    const temporary = `${dir}.${process.pid}.tmp`;
    fs.mkdirSync(temporary, { recursive: true });
    for (const file of result.outputFiles) fs.writeFileSync(path.join(temporary, path.basename(file.path)), file.contents);
    try {
      fs.renameSync(temporary, dir);
    } catch (error) {
      // Another build wrote the same code first; anything else is this build's problem.
      fs.rmSync(temporary, { recursive: true, force: true });
      if (!fs.existsSync(dir)) throw error;
    }
  }
  removeStale(dir);
  return { check: path.join(dir, "check.mjs"), renderWorker: path.join(dir, "render-worker.mjs") };
}

function removeStale(current) {
  for (const name of fs.readdirSync(COMPILED_DIR)) {
    const dir = path.join(COMPILED_DIR, name);
    try {
      if (dir !== current && Date.now() - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}

let compiled;
try {
  compiled = await compile();
} catch (error) {
  // esbuild missing or failing, or .cache/ not writable: the TypeScript through tsx, which reports a syntax error as well.
  console.error(`Compiling the check failed (${error instanceof Error ? error.message.split("\n")[0] : error}); running it through tsx.`);
}
if (compiled) {
  // lib/check/render-all.ts starts its render threads from this module instead of the TypeScript source.
  process.env.BLOG_RENDER_WORKER_MODULE = compiled.renderWorker;
  await import(pathToFileURL(compiled.check).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./check.mts");
}
