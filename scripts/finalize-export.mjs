// Post-processing of Next.js's static export, for what `output: "export"` cannot express.
import fs from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import clientRuntime from "./client-runtime.cjs";

const { clientRuntimeOf, isErrorShell, withoutClientRuntime } = clientRuntime;

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

/**
 * Pages are server-rendered HTML that needs no React in the browser. Unless a
 * page asks for the runtime (`<html data-client-runtime="on">`, from
 * `client_runtime: true` in _config.yml), Next's runtime scripts and the
 * React Server Components payload are removed, and with them the RSC payload
 * files that only client-side navigation reads.
 */
export function stripClientRuntime(outDir) {
  let stripped = 0;
  let kept = 0;
  const errorPages = [];
  for (const file of htmlFiles(outDir)) {
    const html = fs.readFileSync(file, "utf8");
    // A page whose rendering threw is exported as Next's error shell, not as a failed build.
    if (isErrorShell(html)) errorPages.push(path.relative(outDir, file));
    const runtime = clientRuntimeOf(html);
    // No marker: an HTML file from the content folder's static files, not a page of the blog.
    if (runtime !== "off") {
      if (runtime === "on") kept++;
      continue;
    }
    stripped++;
    // next-export-preload.cjs has stripped the pages Next.js prerendered as it wrote them.
    const withoutRuntime = withoutClientRuntime(html);
    if (withoutRuntime.length === html.length) continue;
    // Replaced in one step (a rename), as the search indexer may be reading the pages meanwhile.
    fs.writeFileSync(`${file}.tmp`, withoutRuntime);
    fs.renameSync(`${file}.tmp`, file);
  }
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
  return { stripped, kept, errorPages: errorPages.sort() };
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
 * `stripClientRuntime` in a worker thread, so that the build can index the
 * pages for search meanwhile: rewriting every page takes one core (13 s for
 * 17,000 pages), and the pages' text does not change.
 */
export function stripClientRuntimeInThread(outDir) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { stripClientRuntime: outDir } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`Removing the client runtime from pages failed (exit ${code})`)));
  });
}

if (!isMainThread && workerData?.stripClientRuntime) parentPort.postMessage(stripClientRuntime(workerData.stripClientRuntime));
