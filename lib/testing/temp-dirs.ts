import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const created = new Set<string>();

/** A new empty folder under the system's temp folder, removed after the test file by removeTempDirs. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder makeTempDir made; vitest's setup file calls it after each test file. */
export function removeTempDirs(): void {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
  created.clear();
}
