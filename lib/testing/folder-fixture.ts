import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A new temporary folder holding `files` (path -> text), for tests of code that works on folders of files. */
export function folderWith(files: Record<string, string>, prefix = "blog-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
