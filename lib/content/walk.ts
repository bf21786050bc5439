import "server-only";
import fs from "node:fs";
import path from "node:path";

/** Names never part of a site's content: hidden files, dependencies, Jekyll's own output. */
const SKIPPED = new Set(["node_modules", "_site"]);

/**
 * Calls `onFile` for every regular file under `dir` (recursively), with its
 * path relative to `dir` in URL form (`img/a.png`). Hidden files and skipped
 * folders are left out; a missing folder is simply empty. Symbolic links are
 * not followed (callers that follow them check where they point).
 */
export function walkFiles(
  dir: string, onFile: (file: string, relative: string) => void,
  /** Which files and folders to visit, instead of the default (all but hidden and skipped names). */
  accept: (name: string, relative: string) => boolean = (name) => !name.startsWith(".") && !SKIPPED.has(name),
  /** Called for symbolic links, which are not followed. */
  onLink?: (file: string, relative: string) => void,
): void {
  const walk = (current: string, relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (!accept(entry.name, rel)) continue;
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) walk(file, rel);
      else if (entry.isFile()) onFile(file, rel);
      else if (entry.isSymbolicLink()) onLink?.(file, rel);
    }
  };
  walk(dir, "");
}
