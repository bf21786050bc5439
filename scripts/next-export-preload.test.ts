import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderWith } from "../lib/testing/folder-fixture";

const run = (dir: string, script: string) => execFileSync(process.execPath, ["--require", path.resolve("scripts", "next-export-preload.cjs"), "-e", script], { cwd: dir });

describe("next-export-preload", () => {
  it("skips only the copies of RSC payloads into the export, as Next.js's export step makes them", () => {
    const dir = folderWith({ "page.rsc": "payload", "page.html": "<p>page</p>" }, "export-preload-");
    run(dir, `
      const fs = require("fs");
      (async () => {
        await fs.promises.copyFile("page.rsc", "index.txt");
        await fs.promises.copyFile("page.html", "index.html");
        await require("node:fs/promises").copyFile("page.rsc", "other.rsc");
      })();`);
    expect(fs.readdirSync(dir).sort()).toEqual(["index.html", "other.rsc", "page.html", "page.rsc"]);
    expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toBe("<p>page</p>");
  });

  it("writes the pages Next.js prerenders without its runtime, and no RSC payload files, as its page workers write them", () => {
    const page = (runtime: string) =>
      `<!DOCTYPE html><html lang="en" data-client-runtime="${runtime}"><head><link rel="preload" as="script" href="/_next/static/a.js"/></head>` +
      `<body><p>text</p><script src="/_next/static/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`;
    const dir = folderWith({ ".next/server/app/blog/.keep": "", "out/.keep": "" }, "export-preload-");
    run(dir, `
      const fs = require("fs");
      (async () => {
        await fs.promises.writeFile(".next/server/app/blog/post.html", ${JSON.stringify(page("off"))});
        await fs.promises.writeFile(".next/server/app/blog/post.rsc", "payload");
        await fs.promises.writeFile(".next/server/app/blog/post.meta", "{}");
        await require("node:fs/promises").writeFile(".next/server/app/blog/kept.html", ${JSON.stringify(page("on"))});
        await fs.promises.writeFile("out/other.html", ${JSON.stringify(page("off"))});
      })();`);
    const app = path.join(dir, ".next", "server", "app", "blog");
    expect(fs.readdirSync(app).sort()).toEqual([".keep", "kept.html", "post.html", "post.meta"]);
    expect(fs.readFileSync(path.join(app, "post.html"), "utf8")).toBe('<!DOCTYPE html><html lang="en" data-client-runtime="off"><head></head><body><p>text</p></body></html>');
    expect(fs.readFileSync(path.join(app, "kept.html"), "utf8")).toBe(page("on"));
    expect(fs.readFileSync(path.join(dir, "out", "other.html"), "utf8")).toBe(page("off"));
  });
});
