import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderWith } from "../lib/testing/folder-fixture";

describe("next-export-preload", () => {
  it("skips only the copies of RSC payloads into the export, as Next.js's export step makes them", () => {
    const dir = folderWith({ "page.rsc": "payload", "page.html": "<p>page</p>" }, "export-preload-");
    const script = `
      const fs = require("fs");
      (async () => {
        await fs.promises.copyFile("page.rsc", "index.txt");
        await fs.promises.copyFile("page.html", "index.html");
        await require("node:fs/promises").copyFile("page.rsc", "other.rsc");
      })();`;
    execFileSync(process.execPath, ["--require", path.resolve("scripts", "next-export-preload.cjs"), "-e", script], { cwd: dir });
    expect(fs.readdirSync(dir).sort()).toEqual(["index.html", "other.rsc", "page.html", "page.rsc"]);
    expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toBe("<p>page</p>");
  });
});
