import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Rendered posts on disk, keyed by everything that can change the output, so a
 * rebuild after a one-post edit renders one post, and the several processes of
 * one build render each post once. Entries are immutable: a new key, a new file.
 */
const CACHE_DIR = path.join(process.cwd(), ".cache", "render");

export function readCached<T>(key: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(CACHE_DIR, key.slice(0, 2), `${key}.json`), "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function writeCached(key: string, value: unknown): void {
  if (process.env.BLOG_RENDER_CACHE === "0") return;
  const dir = path.join(CACHE_DIR, key.slice(0, 2));
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Write then rename, so a reader in another process never sees half a file.
    const temp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, path.join(dir, `${key}.json`));
  } catch {
    // A read-only checkout still builds; it just renders again next time.
  }
}

export function cacheEnabled(): boolean {
  return process.env.BLOG_RENDER_CACHE !== "0";
}
