#!/usr/bin/env node
// `npm run bench`: build-time benchmark of the blog on synthetic corpora and the real one.
//
//   node scripts/bench.mjs [--posts 300,3000] [--runs 1|3] [--no-corpus] [--json FILE] [--keep]
//
// For each size N: the synthetic blog from ../shared/bench/gen-corpus.mjs (cached
// in .cache/bench/corpus-N while the generator is unchanged), then the real
// corpus ../shared/corpus/devblog (unless --no-corpus). For each corpus and run:
//   1. cold build, a minute after the last build ended (see settleDisk): .next/ and
//      .cache/render/ set aside, `node scripts/build.mjs
//      --content COPY --out .cache/bench/out-NAME`; wall time, peak RSS summed over
//      the process tree (sampled every 100 ms);
//   2. pages (.html files), ms per page, output size;
//   3. the bytes one post page loads (HTML, CSS, JS incl. inline scripts; raw and gzip);
//   4. rebuild after appending a sentence to one post (caches kept); wall time.
// Builds run on a working copy of the corpus (.cache/bench/work-NAME), so the
// cached corpora and ../shared are never edited. Times are medians over --runs.
// --keep keeps the working copies and outputs (the cached corpora are always kept).
// This deletes .next/ and .cache/render/ of this checkout (when it ends): run it where no
// `npm run dev` or build is running.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import {
  BENCH_DIR, GENERATOR, REAL_CORPUS, ROOT, buildSteps, ensureCorpus, gitCommit, kb, log, mb, median, newestPost,
  medianSteps, postFiles, sampleProcessTree, sec, walkFiles, workingCopy,
} from "./bench-lib.mjs";
import { createTrash } from "./build-output.mjs";

const { values: opts } = parseArgs({
  options: {
    posts: { type: "string", default: "300,3000" },
    runs: { type: "string", default: "1" },
    "no-corpus": { type: "boolean", default: false },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = opts.posts.split(",").map((s) => Number(s.trim()));
const runs = Number(opts.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: node scripts/bench.mjs [--posts 300,3000] [--runs 1|3] [--no-corpus] [--json FILE] [--keep]");
  process.exit(2);
}
const startedAt = new Date();
const loadAvgAtStart = os.loadavg();
const jsonFile = path.resolve(opts.json ?? path.join(ROOT, "bench-results", `bench-${startedAt.toISOString().slice(0, 19).replace(/:/g, "-")}.json`));
process.chdir(ROOT); // build.mjs and next resolve .next/, out/ and node_modules/ from the cwd

// ---------------------------------------------------------------- one build

/**
 * Runs `node scripts/build.mjs --content DIR --out OUT` and measures its wall
 * time and peak memory. Output goes to a log file (thousands of content
 * warnings); progress (Next's "Generating static pages (x/y)") is shown instead.
 */
function build(label, contentDir, outDir, logFile) {
  return new Promise((resolve, reject) => {
    const logStream = fs.createWriteStream(logFile);
    const started = performance.now();
    const child = spawn(process.execPath, ["scripts/build.mjs", "--content", contentDir, "--out", outDir], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const tree = sampleProcessTree(child.pid, 100);
    let step = "starting";
    let stepsMs = {};
    let partial = ""; // chunks do not end at line ends
    const watchStep = (chunk) => {
      logStream.write(chunk);
      // The last step Next printed, e.g. "Generating static pages using 1 worker (344/688)".
      const lines = (partial + chunk.toString()).split(/[\r\n]+/);
      partial = lines.pop();
      for (let line of lines) {
        line = line.replace(/\x1b\[[0-9;]*m/g, "").trim().replace(/^✓ /, "");
        if (/^(Creating|Compiled|Running|Finished|Collecting|Generating|Finalizing)/.test(line)) step = line;
        const summary = /^Static site written to .* in [\d.]+ s \((.*?); content:/.exec(line);
        if (summary) stepsMs = buildSteps(summary[1]);
      }
    };
    child.stdout.on("data", watchStep);
    child.stderr.on("data", watchStep);
    const ticker = setInterval(() => {
      log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(0)} s, ${mb(tree.current())} MB, ${step}`);
    }, 10_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(ticker);
      const { peakBytes, cpuMs, maxProcesses, peakBytesByStep } = tree.stop();
      logStream.end();
      if (code !== 0) {
        const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
        reject(new Error(`${label} failed (exit ${code ?? signal}); last lines of ${logFile}:\n${tail}`));
        return;
      }
      // The 1-minute load average at the end, kept in the JSON (it counts the build's own threads too; see settleDisk).
      resolve({ wallMs, cpuMs, peakBytes, peakBytesByStep, maxProcesses, loadAvg1: os.loadavg()[0], phasesMs: nextPhases(), stepsMs });
    });
  });
}

/**
 * Where `next build` spent its time, from the trace it writes to .next/trace
 * (one JSON array of spans per line; durations in microseconds). Only the
 * phases worth comparing; they run one after another.
 */
const PHASES = { "run-turbopack": "compile", "run-typescript": "typecheck", "static-generation": "generate", "output-export-full-static-export": "export", clean: "clean" };
function nextPhases() {
  const phases = {};
  try {
    for (const line of fs.readFileSync(path.join(ROOT, ".next", "trace"), "utf8").split("\n")) {
      if (!line.trim()) continue;
      for (const span of JSON.parse(line)) {
        const name = PHASES[span.name];
        if (name) phases[name] = (phases[name] ?? 0) + span.duration / 1000;
      }
    }
  } catch {
    // no trace: the phases are just not reported
  }
  return phases;
}
const formatPeaks = (peaks) => (peaks ? Object.entries(peaks).map(([step, bytes]) => `${step} ${mb(bytes)} MB`).join(", ") : "–");
const formatPhases = (phases) => Object.entries(phases).map(([name, ms]) => `${name} ${sec(ms)} s`).join(", ");

// ---------------------------------------------------------------- output figures

function outputStats(outDir) {
  const files = walkFiles(outDir);
  return {
    pages: files.filter((f) => f.endsWith(".html")).length,
    files: files.length,
    bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0),
  };
}

/** The first post on the home page (/blog/, else /): its URL. The home page lists the newest post first. */
function firstPostUrl(outDir) {
  for (const home of ["blog/index.html", "index.html"]) {
    const file = path.join(outDir, home);
    if (!fs.existsSync(file)) continue;
    const match = /class="post-card-title"><a href="([^"]+)"/.exec(fs.readFileSync(file, "utf8"));
    if (match) return match[1];
  }
  return undefined;
}

/** The file a site URL is served from (the way scripts/serve.mjs and static hosts map it). */
function fileOf(outDir, url) {
  const pathname = decodeURIComponent(new URL(url, "http://site.invalid").pathname);
  const file = path.join(outDir, pathname);
  if (pathname.endsWith("/")) return path.join(file, "index.html");
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  return fs.existsSync(`${file}.html`) ? `${file}.html` : path.join(file, "index.html");
}

const attr = (tag, name) => new RegExp(`\\s${name}(?:="([^"]*)"|(?=[\\s/>]))`, "i").exec(tag);
const byteSizes = (buffers) => ({
  raw: buffers.reduce((s, b) => s + b.length, 0),
  gzip: buffers.reduce((s, b) => s + zlib.gzipSync(b).length, 0),
});

/**
 * The bytes a browser downloads for one page: the HTML, the stylesheets it
 * links, the scripts it loads (<script src>, each file once; `nomodule`
 * polyfills are listed apart, as modern browsers skip them) and the inline
 * scripts (already part of the HTML bytes, also counted as JavaScript here).
 * Each raw and gzip (per file; inline scripts gzipped together).
 */
function pageWeight(outDir, url) {
  const htmlFile = fileOf(outDir, url);
  const html = fs.readFileSync(htmlFile);
  const text = html.toString("utf8");
  const read = (href) => {
    if (/^(https?:)?\/\//.test(href)) return undefined; // external: not part of the build
    const file = path.join(outDir, decodeURIComponent(new URL(href, "http://site.invalid").pathname));
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  };

  const css = new Map();
  const fonts = new Map();
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel")?.[1];
    const href = attr(tag, "href")?.[1];
    if (!href) continue;
    if (rel === "stylesheet") css.set(href, read(href));
    else if (rel === "preload" && attr(tag, "as")?.[1] === "font") fonts.set(href, read(href));
  }

  const scripts = new Map();
  const noModule = new Map();
  const inline = [];
  for (const [, open, body] of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const type = attr(open, "type")?.[1];
    if (type && !/^(text\/javascript|module)$/i.test(type)) continue; // JSON-LD and other data
    const src = attr(open, "src")?.[1];
    if (src) (attr(open, "nomodule") ? noModule : scripts).set(src, read(src));
    else if (body.trim()) inline.push(Buffer.from(body));
  }
  const present = (map) => [...map.values()].filter(Boolean);
  const missing = [...css, ...scripts].filter(([, buf]) => !buf).map(([href]) => href);
  const inlineBytes = byteSizes(inline.length ? [Buffer.concat(inline)] : []);
  const scriptBytes = byteSizes(present(scripts));
  return {
    url,
    file: path.relative(outDir, htmlFile),
    html: byteSizes([html]),
    css: { files: css.size, ...byteSizes(present(css)) },
    js: { raw: scriptBytes.raw + inlineBytes.raw, gzip: scriptBytes.gzip + inlineBytes.gzip },
    scripts: { external: scripts.size, inline: inline.length, ...scriptBytes, urls: [...scripts.keys()] },
    inlineScripts: { count: inline.length, ...inlineBytes },
    noModuleScripts: { count: noModule.size, ...byteSizes(present(noModule)) },
    preloadedFonts: { count: fonts.size, ...byteSizes(present(fonts)) },
    missing,
  };
}

// ---------------------------------------------------------------- one corpus

/**
 * What the benchmark deletes between builds is moved into a trash folder, emptied when it ends:
 * deleting tens of thousands of files right before a build slows every file the build creates
 * (ext4 without a journal passes over recently freed inodes; see createTrash in build-output.mjs), which
 * a build on a fresh checkout does not pay.
 */
const trash = createTrash(path.join(BENCH_DIR, "trash"));
process.on("exit", () => trash.empty());

/**
 * A build deletes, when it ends, the output it replaced (scripts/build.mjs), and for a minute after
 * that (six while the inode tables are not yet written) every file created pays for the freed inodes
 * (ext4's recently_deleted check). A cold build stands for a build on a fresh checkout, which has
 * nothing freed: it starts once the disk's buffers are written (`sync`) and a minute has passed
 * since the last build ended.
 */
const SETTLE_MS = 65_000;
let lastBuildEnded = 0;

/**
 * Waits for the disk to settle, and returns how many cores other work kept busy meanwhile (no build
 * runs then, so any CPU time is someone else's; at least 2 s are sampled). The load average cannot
 * tell: a minute after a build it still counts the build's own threads.
 */
async function settleDisk(tag) {
  spawnSync("sync");
  const wait = lastBuildEnded + SETTLE_MS - Date.now();
  if (wait > 0) log(`${tag}: waiting ${Math.ceil(wait / 1000)} s for the last build's deleted files to age (a fresh checkout has none) ...`);
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 2000)));
  const after = cpuTimes();
  return after.total > before.total ? (os.cpus().length * (after.busy - before.busy)) / (after.total - before.total) : 0;
}

/** CPU time of the whole machine so far, busy and in all (ms, summed over cores). */
function cpuTimes() {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

async function benchCorpus({ name, source, posts }) {
  log(`${name}: working copy of ${source} ...`);
  const content = workingCopy(source, name);
  const outDir = path.join(BENCH_DIR, `out-${name}`);
  const logDir = path.join(BENCH_DIR, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const edited = newestPost(content);
  const original = fs.readFileSync(edited);
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const tag = `${name} run ${run}/${runs}`;
      // 1. cold: no Next.js build cache, no rendered-post cache (and no old output to replace).
      log(`${tag}: setting aside .next/, .cache/render/ and the old output ...`);
      for (const folder of [outDir, path.join(ROOT, ".next"), path.join(ROOT, ".cache", "render")]) trash.add(folder);
      const otherBusyCores = await settleDisk(tag);
      log(`${tag}: cold build (log: ${path.relative(ROOT, path.join(logDir, `${name}-${run}-cold.log`))}) ...`);
      const cold = await build(`${tag} cold build`, content, outDir, path.join(logDir, `${name}-${run}-cold.log`));
      log(`${tag}: cold build ${sec(cold.wallMs)} s (CPU ${sec(cold.cpuMs)} s), peak ${mb(cold.peakBytes)} MB (${cold.maxProcesses} processes; by step: ${formatPeaks(cold.peakBytesByStep)}); steps: ${formatPhases(cold.stepsMs)}; Next.js: ${formatPhases(cold.phasesMs)}`);

      // 2. and 3. figures of the output (the same every run; taken from the cold build).
      const output = outputStats(outDir);
      const url = firstPostUrl(outDir);
      const page = url ? pageWeight(outDir, url) : null;
      if (!url) log(`${tag}: no post link found on the home page; page weight skipped`);

      // 4. rebuild after appending a sentence to one post, caches kept.
      const marker = `Benchmark edit ${Date.now()}: one more sentence for the rebuild.`;
      fs.writeFileSync(edited, Buffer.concat([original, Buffer.from(`\n\n${marker}\n`)]));
      let rebuild;
      try {
        log(`${tag}: rebuild after editing ${path.relative(content, edited)} ...`);
        rebuild = await build(`${tag} rebuild`, content, outDir, path.join(logDir, `${name}-${run}-rebuild.log`));
      } finally {
        fs.writeFileSync(edited, original);
        lastBuildEnded = Date.now();
      }
      // Did the edit reach the output? (The edited post is the newest, normally the measured page.)
      const rebuildShowsEdit = url && fs.readFileSync(fileOf(outDir, url), "utf8").includes(marker)
        ? true
        : walkFiles(outDir).some((f) => f.endsWith(".html") && fs.readFileSync(f, "utf8").includes(marker));
      log(`${tag}: rebuild ${sec(rebuild.wallMs)} s (CPU ${sec(rebuild.cpuMs)} s), peak ${mb(rebuild.peakBytes)} MB; steps: ${formatPhases(rebuild.stepsMs)}; Next.js: ${formatPhases(rebuild.phasesMs)}${rebuildShowsEdit ? "" : " — WARNING: the edit is not in the output"}`);
      results.push({ run, cold, rebuild, rebuildShowsEdit, output, page, otherBusyCores });
    }
  } finally {
    if (!opts.keep) {
      log(`${name}: setting aside the working copy and the output ...`);
      trash.add(content);
      trash.add(outDir);
    }
  }

  const last = results.at(-1);
  const coldMs = median(results.map((r) => r.cold.wallMs));
  return {
    name,
    posts,
    pages: last.output.pages,
    runs: results.length,
    coldBuildMs: coldMs,
    rebuildMs: median(results.map((r) => r.rebuild.wallMs)),
    coldBuildCpuMs: median(results.map((r) => r.cold.cpuMs)),
    rebuildCpuMs: median(results.map((r) => r.rebuild.cpuMs)),
    peakRssBytes: median(results.map((r) => r.cold.peakBytes)),
    rebuildPeakRssBytes: median(results.map((r) => r.rebuild.peakBytes)),
    coldStepsMs: medianSteps(results.map((r) => r.cold.stepsMs)),
    rebuildStepsMs: medianSteps(results.map((r) => r.rebuild.stepsMs)),
    msPerPage: coldMs / last.output.pages,
    outBytes: last.output.bytes,
    outFiles: last.output.files,
    editedPost: path.relative(content, edited),
    rebuildShowsEdit: results.every((r) => r.rebuildShowsEdit),
    postPage: last.page,
    perRun: results.map((r) => ({ run: r.run, coldBuildMs: r.cold.wallMs, rebuildMs: r.rebuild.wallMs, coldBuildCpuMs: r.cold.cpuMs, rebuildCpuMs: r.rebuild.cpuMs, peakRssBytes: r.cold.peakBytes, peakRssBytesByStep: r.cold.peakBytesByStep, rebuildPeakRssBytes: r.rebuild.peakBytes, maxProcesses: r.cold.maxProcesses, coldStepsMs: r.cold.stepsMs, rebuildStepsMs: r.rebuild.stepsMs, coldPhasesMs: r.cold.phasesMs, rebuildPhasesMs: r.rebuild.phasesMs, otherBusyCoresBeforeCold: r.otherBusyCores, loadAvg1AfterCold: r.cold.loadAvg1, loadAvg1AfterRebuild: r.rebuild.loadAvg1 })),
  };
}

// ---------------------------------------------------------------- main

const corpora = [];
for (const posts of sizes) corpora.push({ name: `synthetic-${posts}`, posts, synthetic: true });
if (!opts["no-corpus"]) {
  if (fs.existsSync(REAL_CORPUS)) corpora.push({ name: "devblog", source: REAL_CORPUS, synthetic: false });
  else log(`real corpus not found at ${REAL_CORPUS}: skipped`);
}

log(`benchmark: ${corpora.map((c) => c.name).join(", ")}; ${runs} run(s) each; ${os.cpus().length} CPUs, Node ${process.version}`);
const rows = [];
for (const corpus of corpora) {
  if (corpus.synthetic) corpus.source = ensureCorpus(corpus.posts);
  else corpus.posts = postFiles(corpus.source).length;
  rows.push({ synthetic: corpus.synthetic, ...(await benchCorpus(corpus)) });
}

// Marginal cost: slope of cold build time over pages between the smallest and largest synthetic size.
const synthetic = rows.filter((r) => r.synthetic).sort((a, b) => a.pages - b.pages);
const marginalMsPerPage = synthetic.length >= 2 && synthetic.at(-1).pages !== synthetic[0].pages
  ? (synthetic.at(-1).coldBuildMs - synthetic[0].coldBuildMs) / (synthetic.at(-1).pages - synthetic[0].pages)
  : null;
const marginalCpuMsPerPage = marginalMsPerPage != null
  ? (synthetic.at(-1).coldBuildCpuMs - synthetic[0].coldBuildCpuMs) / (synthetic.at(-1).pages - synthetic[0].pages)
  : null;

const cpus = os.cpus();
const machine = {
  cpus: cpus.length,
  cpuModel: cpus[0]?.model ?? null,
  totalMemBytes: os.totalmem(),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  next: JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")).version,
  loadAvgAtStart,
  loadAvgAtEnd: os.loadavg(),
};
const report = {
  date: startedAt.toISOString(),
  durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
  command: `node scripts/bench.mjs ${process.argv.slice(2).join(" ")}`.trim(),
  git: gitCommit(),
  machine,
  generator: GENERATOR,
  runs,
  marginalMsPerPage,
  marginalCpuMsPerPage,
  notes: [
    "Times are wall times of `node scripts/build.mjs` (next build + post-processing), medians over runs.",
    "Cold: .next/ and .cache/render/ set aside before the build (deleted when the benchmark ends); it starts after sync, a minute or more after the last build ended. Rebuild: one post edited, caches kept.",
    "CPU: user + system time summed over the build's process tree (less sensitive than wall time to other load on the machine).",
    "otherBusyCoresBeforeCold: cores that other work kept busy while the benchmark waited before the cold build (no build running; at least 2 s sampled).",
    "Steps: the build's own (check = content check and rendering every post, next build, finalize = stripping the runtime and the search index), from the line it ends with.",
    "Phases: durations of next build's own trace spans (.next/trace): compile = run-turbopack, typecheck = run-typescript, generate = static-generation (rendering every page).",
    "Peak memory: RSS summed over the build's process tree, sampled every 100 ms (shared pages counted per process); peakRssBytesByStep: the same for each step (the check, next build, the search index), the build script itself included.",
    "Post page JS = external <script src> files (nomodule excluded) + inline scripts; inline script bytes are also part of the HTML.",
  ],
  results: rows.map(({ synthetic: _s, ...row }) => row),
};
fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);

// The table (Markdown), then where the JSON is.
const rawGzip = (s) => (s ? `${kb(s.raw)} / ${kb(s.gzip)}` : "–");
const table = [
  "| corpus | posts | pages | cold build s | cold CPU s | rebuild s | peak MB | ms/page | out MB | post HTML KB raw/gz | CSS KB raw/gz | JS KB raw/gz | scripts |",
  "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ...rows.map((r) => `| ${r.name} | ${r.posts} | ${r.pages} | ${sec(r.coldBuildMs)} | ${sec(r.coldBuildCpuMs)} | ${sec(r.rebuildMs)} | ${mb(r.peakRssBytes)} | ${r.msPerPage.toFixed(1)} | ${mb(r.outBytes)} | ${rawGzip(r.postPage?.html)} | ${rawGzip(r.postPage?.css)} | ${rawGzip(r.postPage?.js)} | ${r.postPage ? `${r.postPage.scripts.external} + ${r.postPage.scripts.inline} inline` : "–"} |`),
];
console.log(`\n${table.join("\n")}\n`);
for (const r of rows) console.log(`${r.name}: cold build steps (medians) ${formatPhases(r.coldStepsMs)}; rebuild ${formatPhases(r.rebuildStepsMs)}.`);
if (marginalMsPerPage != null) console.log(`Marginal cost (cold build, ${synthetic[0].name} -> ${synthetic.at(-1).name}): ${marginalMsPerPage.toFixed(1)} ms per page (CPU time: ${marginalCpuMsPerPage?.toFixed(1) ?? "–"} ms per page).`);
console.log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${mb(machine.totalMemBytes)} MB RAM, ${machine.os}, Node ${machine.node}, Next.js ${machine.next}; commit ${report.git.commit?.slice(0, 10) ?? "?"}${report.git.dirty ? " (modified)" : ""}.`);
const otherWork = Math.max(...rows.flatMap((r) => r.perRun.map((p) => p.otherBusyCoresBeforeCold)));
if (otherWork > 0.25) console.log(`Note: other work kept up to ${otherWork.toFixed(2)} of ${machine.cpus} cores busy just before a cold build, so wall times may be inflated (compare the CPU times).`);
for (const r of rows) if (!r.rebuildShowsEdit) console.log(`WARNING: ${r.name}: the rebuild's output does not contain the edit.`);
console.log(`JSON: ${path.relative(process.cwd(), jsonFile)}`);
