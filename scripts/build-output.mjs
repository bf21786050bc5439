// The build's own output folders: what it sets aside, replaces and moves (scripts/build.mjs).
import fs from "node:fs";
import path from "node:path";

/**
 * Folders to delete once the build is done, moved out of the way first (a rename). On ext4 without
 * a journal, the file system of this project's build machines, the kernel passes over every inode
 * freed in the last minute or more when it creates a file, checking each: creating the ~25,000 files
 * of a 3,000-post build right after deleting the last build's made `next build` take 26-32 s instead of 19 s.
 */
export function createTrash(folder) {
  let count = 0;
  const trash = {
    add(file) {
      if (!fs.existsSync(file)) return;
      fs.mkdirSync(folder, { recursive: true });
      try {
        fs.renameSync(file, path.join(folder, `${process.pid}-${count++}`));
      } catch {
        // Another file system (an --out folder elsewhere): deleted now instead.
        fs.rmSync(file, { recursive: true, force: true });
      }
    },
    empty() {
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  return trash;
}

export function listFolder(folder) {
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

/**
 * Next.js rewrites the prerendered files (page HTML, RSC payload, route bodies) of every page it builds;
 * those it did not write this time belong to pages that are gone (a deleted post), and go too. `since`
 * is when the build started; a second's margin covers file systems whose clock is coarser than Date.now().
 */
export function removeStalePrerenders(folder, since) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) removeStalePrerenders(full, since);
    else if (/\.(html|rsc|meta|body)$/.test(entry.name) && fs.statSync(full).mtimeMs < since - 1000) fs.rmSync(full);
  }
}

/** rename, or copy and remove where the two folders are on different file systems (/tmp often is). */
export function moveFolder(from, to) {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if (error.code !== "EXDEV") throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
