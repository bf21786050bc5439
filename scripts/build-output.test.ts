import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderWith } from "@/lib/testing/folder-fixture";
import { createTrash, moveFolder, removeStalePrerenders } from "./build-output.mjs";

describe("createTrash", () => {
  it("moves what it is given out of the way at once and deletes it only when emptied", () => {
    const dir = folderWith({ "out/index.html": "old", ".next/static/a.js": "js" });
    const trash = createTrash(path.join(dir, ".trash"));
    trash.add(path.join(dir, "out"));
    trash.add(path.join(dir, ".next", "static"));
    trash.add(path.join(dir, "missing"));
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".next", "static"))).toBe(false);
    expect(fs.readdirSync(path.join(dir, ".trash"))).toHaveLength(2);
    trash.empty();
    expect(fs.readdirSync(dir)).toEqual([".next"]);
  });
});

describe("removeStalePrerenders", () => {
  it("removes the prerendered files the build did not write again, and nothing else", () => {
    const dir = folderWith({
      "blog/kept.html": "new", "blog/kept.rsc": "new", "blog/gone.html": "old", "blog/gone.rsc": "old",
      "blog/gone.meta": "old", "feeds/old.xml.body": "old", "[[...slug]]/page.js": "bundle",
    });
    const buildStarted = Date.now();
    const longAgo = new Date(buildStarted - 60_000);
    for (const file of ["blog/gone.html", "blog/gone.rsc", "blog/gone.meta", "feeds/old.xml.body", "[[...slug]]/page.js"]) {
      fs.utimesSync(path.join(dir, file), longAgo, longAgo);
    }
    removeStalePrerenders(dir, buildStarted);
    const left = (sub: string) => fs.readdirSync(path.join(dir, sub)).sort();
    expect(left("blog")).toEqual(["kept.html", "kept.rsc"]);
    expect(left("feeds")).toEqual([]);
    // Turbopack's page bundles are not prerendered pages: they stay whatever their age.
    expect(left("[[...slug]]")).toEqual(["page.js"]);
  });
});

describe("moveFolder", () => {
  it("renames a folder with its files", () => {
    const dir = folderWith({ "out/blog/index.html": "page" });
    moveFolder(path.join(dir, "out"), path.join(dir, "site"));
    expect(fs.readFileSync(path.join(dir, "site", "blog", "index.html"), "utf8")).toBe("page");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
