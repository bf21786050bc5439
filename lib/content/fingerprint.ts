import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { walkFiles } from "./walk";

/**
 * A fingerprint of every file under the content folder (path, size and
 * modification time): changes whenever any content file changes. A walk
 * of a few thousand files takes milliseconds.
 */
export function fingerprintFiles(root: string): string {
  // A real hash: the fingerprint keys a cache that outlives the build, so a collision must not happen.
  const hash = createHash("sha1");
  let count = 0;
  walkFiles(root, (file) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    count++;
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  });
  return `${count}-${hash.digest("hex").slice(0, 16)}`;
}
