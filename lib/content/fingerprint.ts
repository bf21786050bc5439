import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * A fingerprint of every file under the content folder (path, size and
 * modification time): changes whenever any content file changes. A walk
 * of a few thousand files takes milliseconds.
 */
export function fingerprintFiles(root: string): string {
  let hash = 0;
  let count = 0;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  };
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
      mix(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  walk(root);
  return `${count}-${(hash >>> 0).toString(16)}`;
}
