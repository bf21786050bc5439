// Post-processing of Next.js's static export, for what `output: "export"` cannot express.
import fs from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { SEARCH_MARKER } from "./search-index.mjs";

/**
 * Pages whose URL ends in `.html` (Jekyll's `:output_ext`, legacy redirects such
 * as /blog/2016/03/30/post.html) are exported as `post.html/index.html`, because
 * trailingSlash is on for every other URL. Static hosts serve them only as files.
 */
export function relocateFileLikePages(outDir) {
  let moved = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === "_next") continue;
      const full = path.join(dir, entry.name);
      walk(full);
      const index = path.join(full, "index.html");
      if (/\.html?$/i.test(entry.name) && fs.existsSync(index)) {
        const html = fs.readFileSync(index);
        fs.rmSync(full, { recursive: true });
        fs.writeFileSync(full, html);
        moved++;
      }
    }
  };
  walk(outDir);
  return moved;
}

/**
 * Folders of the export that hold no pages: Next's assets, and the search
 * index and its work folders, which the indexer writes and removes while the
 * pages are being stripped.
 */
function holdsPages(folderName) {
  return folderName !== "_next" && folderName !== "pagefind" && !folderName.startsWith(".");
}

/** Every .html file under a folder. */
function htmlFiles(dir, files = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (holdsPages(entry.name)) htmlFiles(full, files);
    } else if (entry.name.endsWith(".html")) files.push(full);
  }
  return files;
}

// What Next.js adds to a page for its client runtime: chunk scripts, the
// Turbopack bootstrap, the inline RSC payload, and preloads of those scripts.
const RUNTIME_PATTERNS = [
  // Under a basePath (Jekyll's baseurl) the chunks are at /base/_next/.
  /<script\b[^>]*\bsrc="[^"]*\/_next\/[^"]*"[^>]*><\/script>/g,
  /<script\b[^>]*>\s*\(?(?:self\.__next_f|\(self\.__next_f|globalThis\["TURBOPACK"\]|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g,
  /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/g,
  /<link\b[^>]*\bas="script"[^>]*\brel="(?:preload|modulepreload)"[^>]*\/?>/g,
  /<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g,
];

/**
 * Pages are server-rendered HTML that needs no React in the browser. Unless a
 * page asks for the runtime (`<html data-client-runtime="on">`, from
 * `client_runtime: true` in _config.yml), Next's runtime scripts and the
 * React Server Components payload are removed, and with them the RSC payload
 * files that only client-side navigation reads.
 *
 * The pages marked for the search index (SEARCH_MARKER) are done first, and handed to
 * `onIndexable`, so that the index can be built from them while the other pages are done:
 * a page with its payload is 2.7 times the bytes for the indexer to parse.
 */
export function stripClientRuntime(outDir, options = {}) {
  const result = stripPages(outDir, htmlFiles(outDir), options);
  removeUnusedPayloads(outDir, result);
  return result;
}

/** stripClientRuntime's work on some of the pages (`files`), for one of several threads. */
function stripPages(outDir, files, { onIndexable } = {}) {
  let stripped = 0;
  let kept = 0;
  const errorPages = [];
  const strip = (file, html) => {
    // A page whose rendering threw is exported as Next's error shell, not as a failed build.
    if (/^<!DOCTYPE html><html id="__next_error__"/i.test(html)) errorPages.push(path.relative(outDir, file));
    const runtime = /<html\b[^>]*data-client-runtime="(on|off)"/.exec(html)?.[1];
    // No marker: an HTML file from the content folder's static files, not a page of the blog.
    if (runtime !== "off") {
      if (runtime === "on") kept++;
      return;
    }
    let result = html;
    for (const pattern of RUNTIME_PATTERNS) result = result.replace(pattern, "");
    // Written in place: no reader has the page open yet (see above), and replacing it with a new
    // file would free an inode per page, which slows every file created in the next minutes (build-output.mjs).
    fs.writeFileSync(file, result);
    stripped++;
  };
  const indexable = [];
  const others = [];
  for (const file of files) {
    // Looked for in the bytes: the other pages are decoded when their turn comes.
    const bytes = fs.readFileSync(file);
    if (!bytes.includes(SEARCH_MARKER)) others.push(file);
    else {
      strip(file, bytes.toString("utf8"));
      indexable.push(file);
    }
  }
  onIndexable?.(indexable.sort());
  for (const file of others) strip(file, fs.readFileSync(file, "utf8"));
  return { stripped, kept, errorPages: errorPages.sort() };
}

/** Once every page is stripped: the RSC payload files go too, unless a page kept the runtime that reads them. */
function removeUnusedPayloads(outDir, { kept }) {
  if (kept === 0) {
    const { segmentFiles } = removeRscPayloads(outDir);
    // lib/next-build/segment-data.ts keeps Next.js from writing these when no page keeps the runtime.
    if (segmentFiles > 0) {
      console.warn(
        `Next.js wrote ${segmentFiles} segment prefetch files that no page uses, which slows the build: ` +
          "next.config.js's alias of its collect-segment-data module no longer applies to this version of Next.js.",
      );
    }
  }
}

function removeRscPayloads(dir, counts = { segmentFiles: 0 }) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (holdsPages(entry.name)) removeRscPayloads(full, counts);
    } else if (entry.name === "index.txt") {
      fs.rmSync(full);
    } else if (entry.name.startsWith("__next.") && entry.name.endsWith(".txt")) {
      fs.rmSync(full);
      counts.segmentFiles++;
    }
  }
  return counts;
}

/** Where app/feeds/[...path] writes feeds. */
const FEEDS_DIR = "feeds";

/** Where app/static-files/[...path] writes the content folder's static files, and its stand-in when there are none. */
const STATIC_FILES_DIR = "static-files";
const NO_STATIC_FILES = ".no-static-files";

/**
 * Feeds are generated at /feeds/<public path> (a route handler's folder is
 * fixed, the feed's path is a setting); each moves to its public path here.
 */
export function publishFeeds(outDir) {
  return moveIntoPlace(outDir, FEEDS_DIR, (file) => `The feed ${file} would overwrite ${file}; change feed.path in _config.yml`);
}

/** Static files (images, downloads) are generated at /static-files/<path>; each moves to its own path here. */
export function publishStaticFiles(outDir) {
  fs.rmSync(path.join(outDir, STATIC_FILES_DIR, NO_STATIC_FILES), { force: true });
  // The site model leaves out static files at a page's or the blog's own path (rule file/conflict).
  return moveIntoPlace(outDir, STATIC_FILES_DIR, (file) => `The static file ${file} would overwrite the blog's own ${file}`);
}

/** Moves every file under outDir/folder to the same path under outDir, never over an existing file. */
function moveIntoPlace(outDir, folder, clash) {
  const source = path.join(outDir, folder);
  if (!fs.existsSync(source)) return 0;
  let moved = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const relative = path.relative(source, full);
      const target = path.join(outDir, relative);
      if (fs.existsSync(target)) throw new Error(clash(relative.split(path.sep).join("/")));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(full, target);
      moved++;
    }
  };
  walk(source);
  fs.rmSync(source, { recursive: true });
  return moved;
}

/** Files at their public paths: feeds, static files, and pages whose URL ends in .html. Fast; the search index needs it first. */
export function placeFiles(outDir) {
  return { feeds: publishFeeds(outDir), staticFiles: publishStaticFiles(outDir), moved: relocateFileLikePages(outDir) };
}

export function finalizeExport(outDir) {
  return { ...placeFiles(outDir), ...stripClientRuntime(outDir) };
}

/**
 * `stripClientRuntime` in two worker threads, each with every other page, so that the build can
 * index the pages for search meanwhile: rewriting every page takes a core 13 s for 17,000 pages.
 * `indexable`: the pages marked for the search index, once they are stripped (each thread does
 * those first); `done`: the result, once every page is.
 */
export function stripClientRuntimeInThreads(outDir, threads = 2) {
  const files = htmlFiles(outDir);
  const started = Array.from({ length: threads }, (_, shard) => stripInThread(outDir, files.filter((_, i) => i % threads === shard)));
  const indexable = Promise.all(started.map((thread) => thread.indexable)).then((lists) => lists.flat().sort());
  const done = Promise.all(started.map((thread) => thread.done)).then((results) => {
    const result = {
      stripped: results.reduce((sum, r) => sum + r.stripped, 0),
      kept: results.reduce((sum, r) => sum + r.kept, 0),
      errorPages: results.flatMap((r) => r.errorPages).sort(),
    };
    removeUnusedPayloads(outDir, result);
    return result;
  });
  indexable.catch(() => {});
  return { indexable, done };
}

function stripInThread(outDir, files) {
  let indexableReady;
  const indexable = new Promise((resolve, reject) => (indexableReady = { resolve, reject }));
  const done = new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { stripPages: { outDir, files } } });
    worker.on("message", (message) => (message.indexable ? indexableReady.resolve(message.indexable) : resolve(message)));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`Removing the client runtime from pages failed (exit ${code})`)));
  });
  // A thread that fails before it gets to the indexable pages fails both; `done` reports it.
  done.catch((error) => indexableReady.reject(error));
  indexable.catch(() => {});
  return { indexable, done };
}

if (!isMainThread && workerData?.stripPages) {
  const { outDir, files } = workerData.stripPages;
  parentPort.postMessage(stripPages(outDir, files, { onIndexable: (pages) => parentPort.postMessage({ indexable: pages }) }));
}
