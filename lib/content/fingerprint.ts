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
  const add = (file: string, link?: string) => {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      // A link whose target is missing still counts: adding or removing it changes the posts.
      if (link === undefined) return;
    }
    count++;
    hash.update(`${file}\0${link ?? ""}\0${stat?.size}\0${stat?.mtimeMs}\n`);
  };
  walkFiles(root, (file) => add(file), undefined, (file) => {
    // Posts may be symbolic links (followed inside the content folder): their target's changes count too.
    let target = "";
    try {
      target = fs.readlinkSync(file);
    } catch {
      // unreadable: hashed as a link to nothing
    }
    add(file, `->${target}`);
  });
  return `${count}-${hash.digest("hex").slice(0, 16)}`;
}
