import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "./temp-dirs";

/** A new temporary folder holding `files` (path -> text), for tests of code that works on folders of files. */
export function folderWith(files: Record<string, string>, prefix = "blog-test-"): string {
  const dir = makeTempDir(prefix);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
