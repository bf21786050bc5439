import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Rendered posts on disk, keyed by everything that can change the output, so a
 * rebuild after a one-post edit renders one post, and the several processes of
 * one build render each post once. Entries are immutable: a new key, a new file.
 *
 * The cache lives in a folder named after a hash of the pipeline's own code
 * (lib/ and the lock file): any change to the renderer starts a fresh cache.
 */
const CACHE_ROOT = path.join(process.cwd(), ".cache", "render");

let namespace: string | undefined;

function codeVersion(): string {
  if (namespace) return namespace;
  const hash = createHash("sha1");
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(path.join(process.cwd(), "lib"));
  try {
    hash.update(fs.readFileSync(path.join(process.cwd(), "package-lock.json")));
  } catch {
    // Without a lock file the code hash alone decides.
  }
  namespace = hash.digest("hex").slice(0, 12);
  return namespace;
}

function entryPath(key: string): string {
  return path.join(CACHE_ROOT, codeVersion(), key.slice(0, 2), `${key}.json`);
}

export function readCached<T>(key: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(entryPath(key), "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function writeCached(key: string, value: unknown): void {
  if (!cacheEnabled()) return;
  const file = entryPath(key);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a reader in another process never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, file);
  } catch {
    // A read-only checkout still builds; it just renders again next time.
  }
}

export function cacheEnabled(): boolean {
  return process.env.BLOG_RENDER_CACHE !== "0";
}

/** Removes caches of earlier versions of the pipeline. */
export function pruneOldCaches(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(CACHE_ROOT);
  } catch {
    return;
  }
  for (const entry of entries) if (entry !== codeVersion()) fs.rmSync(path.join(CACHE_ROOT, entry), { recursive: true, force: true });
}
