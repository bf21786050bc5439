import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * In `next dev`, a fingerprint of the content folder (every file's path, size
 * and modification time) so the site model is rebuilt after an edit; only the
 * changed posts are parsed again (see loadPostFile's cache). Stat-based rather
 * than fs.watch-based because editors save in ways watchers miss (rename,
 * in-place write); a walk of a few thousand files takes milliseconds.
 */
const THROTTLE_MS = 150;

interface FingerprintState {
  root?: string;
  at: number;
  value: string;
}

const state: FingerprintState = ((globalThis as { __blogContentFingerprint?: FingerprintState }).__blogContentFingerprint ??= { at: 0, value: "" });

export function contentFingerprint(root: string): string {
  if (process.env.NODE_ENV !== "development") return "static";
  const now = Date.now();
  if (state.root === root && now - state.at < THROTTLE_MS) return state.value;
  let hash = 0;
  let count = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "_site") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        continue;
      }
      count++;
      for (const part of [full, String(stat.size), String(stat.mtimeMs)]) {
        for (let i = 0; i < part.length; i++) hash = (Math.imul(hash, 31) + part.charCodeAt(i)) | 0;
      }
    }
  };
  walk(root);
  state.root = root;
  state.at = now;
  state.value = `${count}:${hash >>> 0}`;
  return state.value;
}
