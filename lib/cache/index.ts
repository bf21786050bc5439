import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Derived data on disk (rendered posts, parsed content), shared by the several
 * processes of one build and reused by the next build. Each kind lives in a
 * folder named after a hash of the blog's own code (lib/ and the lock file),
 * so any change to the code that produced an entry starts a fresh cache.
 * Entries are immutable: a new key, a new file.
 */
const CACHE_ROOT = path.join(process.cwd(), ".cache");

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
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
  version = hash.digest("hex").slice(0, 12);
  return version;
}

export function cacheEnabled(): boolean {
  return process.env.BLOG_CACHE !== "0";
}

function entryPath(kind: string, key: string, extension = "json"): string {
  return path.join(CACHE_ROOT, kind, codeVersion(), key.slice(0, 2), `${key}.${extension}`);
}

export function readCached<T>(kind: string, key: string, revive?: (key: string, value: unknown) => unknown): T | undefined {
  const bytes = readCachedBytes(kind, key, "json");
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8"), revive) as T;
  } catch {
    return undefined;
  }
}

export function writeCached(kind: string, key: string, value: unknown): void {
  writeCachedBytes(kind, key, Buffer.from(JSON.stringify(value)), "json");
}

export function readCachedBytes(kind: string, key: string, extension = "bin"): Buffer | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    return fs.readFileSync(entryPath(kind, key, extension));
  } catch {
    return undefined;
  }
}

const createdDirs = new Set<string>();

export function writeCachedBytes(kind: string, key: string, bytes: Uint8Array, extension = "bin"): void {
  if (!cacheEnabled()) return;
  const file = entryPath(kind, key, extension);
  try {
    const dir = path.dirname(file);
    if (!createdDirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      createdDirs.add(dir);
    }
    // Write then rename, so a reader in another process never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch {
    // A read-only checkout still builds; it just does the work again next time.
  }
}

/** Whether this version of the code has stored anything of this kind yet (a first build after a change has not). */
export function cacheStarted(kind: string): boolean {
  return cacheEnabled() && fs.existsSync(path.join(CACHE_ROOT, kind, codeVersion()));
}

/** Removes entries written by earlier versions of the code. */
export function pruneOldCaches(kind: string): void {
  const dir = path.join(CACHE_ROOT, kind);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) if (entry !== codeVersion()) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}
