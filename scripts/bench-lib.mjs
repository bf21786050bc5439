// Shared helpers of the benchmark scripts (scripts/bench.mjs, scripts/bench-dev.mjs):
// the cached synthetic corpora, working copies, process-tree memory sampling,
// and small formatting helpers. Plain Node, no dependencies.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (the scripts run from anywhere, but build.mjs and next expect this cwd). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BENCH_DIR = path.join(ROOT, ".cache", "bench");
export const GENERATOR = path.resolve(ROOT, "..", "shared", "bench", "gen-corpus.mjs");
export const REAL_CORPUS = path.resolve(ROOT, "..", "shared", "corpus", "devblog");

const benchStarted = performance.now();

/** A progress line, prefixed with the seconds since the benchmark started. */
export function log(message) {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(0).padStart(5);
  console.log(`[${seconds} s] ${message}`);
}

export const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The build's own steps, from the line it ends with: "(check 18.6 s, next build 23.0 s, finalize and
 * search index 5.2 s; content: ...)" -> { check: 18600, "next build": 23000, ... } (milliseconds).
 */
export function buildSteps(text) {
  const steps = {};
  for (const [, name, seconds] of text.matchAll(/([a-z][a-z ]*?) ([\d.]+) s(?:,|$)/g)) steps[name.trim()] = Number(seconds) * 1000;
  return steps;
}

/** Medians of each step over runs (steps missing from a run are left out of its median). */
export function medianSteps(stepsOfRuns) {
  const names = [...new Set(stepsOfRuns.flatMap((steps) => Object.keys(steps)))];
  return Object.fromEntries(names.map((name) => [name, median(stepsOfRuns.map((steps) => steps[name]).filter((ms) => ms !== undefined))]));
}

export const sha256 = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * The synthetic corpus of N posts in .cache/bench/corpus-N, generated once and
 * reused while gen-corpus.mjs is unchanged (its hash is stored next to it).
 * Generated into a temporary folder and renamed, so an interrupted run never
 * leaves half a corpus that a later run would reuse.
 */
export function ensureCorpus(posts) {
  if (!fs.existsSync(GENERATOR)) throw new Error(`The corpus generator is missing: ${GENERATOR}`);
  const dir = path.join(BENCH_DIR, `corpus-${posts}`);
  const stamp = path.join(BENCH_DIR, `corpus-${posts}.json`);
  const hash = sha256(GENERATOR);
  try {
    if (fs.existsSync(dir) && JSON.parse(fs.readFileSync(stamp, "utf8")).generatorSha256 === hash) {
      log(`corpus-${posts}: reusing ${path.relative(ROOT, dir)} (generator unchanged)`);
      return dir;
    }
  } catch {
    // no or unreadable stamp: generate again
  }
  log(`corpus-${posts}: generating ${posts} posts with ${GENERATOR} ...`);
  const temp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [GENERATOR, temp, String(posts)], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`gen-corpus.mjs failed (exit ${result.status ?? result.signal})`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(temp, dir);
  fs.writeFileSync(stamp, JSON.stringify({ generatorSha256: hash, posts, generatedAt: new Date().toISOString() }, null, 2));
  return dir;
}

/** A fresh working copy of a corpus: the benchmark edits posts, never the original. */
export function workingCopy(source, name) {
  const dir = path.join(BENCH_DIR, `work-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** All files under dir (recursive), as absolute paths. */
export function walkFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return files;
}

/** The post files of a Jekyll site root, sorted by name (= by date, as names start with YYYY-MM-DD). */
export function postFiles(contentDir) {
  const postsDir = path.join(contentDir, "_posts");
  return walkFiles(postsDir)
    .filter((file) => /\.(md|markdown)$/i.test(file))
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
}

/** The newest post by file name: it is the first card on the blog's home page. */
export const newestPost = (contentDir) => postFiles(contentDir).at(-1);

/** The value of the front matter `title:` line (quoted or not), and the line itself. */
export function frontMatterTitle(text) {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const line = frontMatter && /^title:[ \t]*(.*)$/m.exec(frontMatter[1]);
  if (!line) return undefined;
  let value = line[1].trim();
  if (value.startsWith('"')) value = JSON.parse(value);
  else if (value.startsWith("'")) value = value.slice(1, -1).replace(/''/g, "'");
  return { value, line: line[0] };
}

/**
 * Peak memory and CPU time of a process and all its descendants: every
 * `intervalMs`, find the tree in /proc (ppid links) and sum the resident set
 * sizes; keep the maximum. Summed RSS counts pages shared between processes
 * once per process, so it is an upper bound of what the tree needs. CPU time
 * (user + system) is the last value seen of each process, summed: it misses at
 * most one interval per process, and unlike wall time it hardly depends on what
 * else the machine is doing. Linux only; elsewhere the figures are null.
 */
export function sampleProcessTree(rootPid, intervalMs = 100) {
  const pageSize = getconf("PAGESIZE", 4096);
  const ticksPerSecond = getconf("CLK_TCK", 100);
  const cpuTicks = new Map(); // pid -> utime + stime, last seen
  let peak = 0;
  let current = 0;
  let maxProcesses = 0;
  // Peak per step of the build, named by the root's child that runs it (the check, next build, Pagefind).
  const peakByStep = {};
  const stepNames = new Map(); // pid of a child of the root -> step name
  const stepOf = (pid) => {
    if (!stepNames.has(pid)) {
      let cmdline = "";
      try {
        cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {
        // ended
      }
      stepNames.set(pid, /check\.mts|run-check\.mjs/.test(cmdline) ? "check" : /pagefind/.test(cmdline) ? "search index" : /\bnext\b/.test(cmdline) ? "next build" : "other");
    }
    return stepNames.get(pid);
  };
  const sample = () => {
    const stats = new Map(); // pid -> fields after the command name
    let pids;
    try {
      pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    for (const pid of pids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name (field 2) may contain spaces: split after its ')'. Field n is at index n - 3.
        stats.set(Number(pid), stat.slice(stat.lastIndexOf(")") + 2).split(" "));
      } catch {
        // the process ended while we looked
      }
    }
    const tree = new Set([rootPid]);
    // Parents may have higher pids than children after pid wrap-around: repeat until stable.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, fields] of stats) {
        if (!tree.has(pid) && tree.has(Number(fields[1]))) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    let rss = 0;
    const rssByStep = {};
    for (const pid of tree) {
      const fields = stats.get(pid);
      if (!fields) continue;
      cpuTicks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime
      let bytes = 0;
      try {
        bytes = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * pageSize;
      } catch {
        // ended
      }
      rss += bytes;
      if (pid === rootPid) continue;
      let top = pid;
      while (Number(stats.get(top)?.[1]) !== rootPid && stats.has(top)) top = Number(stats.get(top)[1]);
      const step = stepOf(top);
      rssByStep[step] = (rssByStep[step] ?? 0) + bytes;
    }
    // The root (build.mjs) is counted in whichever step is running.
    const rootBytes = rss - Object.values(rssByStep).reduce((sum, b) => sum + b, 0);
    for (const [step, bytes] of Object.entries(rssByStep)) peakByStep[step] = Math.max(peakByStep[step] ?? 0, bytes + rootBytes);
    current = rss;
    peak = Math.max(peak, rss);
    maxProcesses = Math.max(maxProcesses, tree.size);
  };
  const supported = fs.existsSync("/proc/self/statm");
  const timer = supported ? setInterval(sample, intervalMs) : undefined;
  if (supported) sample();
  return {
    current: () => current,
    stop() {
      clearInterval(timer);
      if (!supported) return { peakBytes: null, cpuMs: null, maxProcesses: null, peakBytesByStep: null };
      const ticks = [...cpuTicks.values()].reduce((sum, t) => sum + t, 0);
      delete peakByStep.other;
      return { peakBytes: peak, cpuMs: (ticks * 1000) / ticksPerSecond, maxProcesses, peakBytesByStep: peakByStep };
    },
  };
}

function getconf(name, fallback) {
  try {
    return Number(execFileSync("getconf", [name], { encoding: "utf8" }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

export function gitCommit() {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

export const mb = (bytes) => (bytes == null ? "–" : (bytes / 1048576).toFixed(0));
export const kb = (bytes) => (bytes == null ? "–" : (bytes / 1024).toFixed(1));
export const sec = (ms) => (ms == null ? "–" : (ms / 1000).toFixed(1));
