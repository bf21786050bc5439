import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BASIC_AUTHORS, BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";

const run = promisify(execFile);
const PROJECT = path.resolve(__dirname, "../..");

/** Runs `npm run check` the way a user does; returns exit code and output. */
async function checkCli(root: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--conditions=react-server", "scripts/run-check.mjs", ...args], {
      cwd: PROJECT,
      env: { ...process.env, BLOG_CONTENT_DIR: root, BLOG_CACHE: "0", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Hash of every file under a folder: proves the check wrote nothing. */
function hashTree(root: string): string {
  const hash = createHash("sha1");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      hash.update(full);
      if (entry.isSymbolicLink()) hash.update(fs.readlinkSync(full));
      else if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(root);
  return hash.digest("hex");
}

const deepList = Array.from({ length: 60 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join("\n");

/** One broken post per rule: [file, content, rule, line]. */
const CATALOGUE: [string, string | Buffer, string, number][] = [
  ["_posts/2024-01-01-yaml.md", '---\ntitle: "Unclosed\ndate: 2024-01-01\n---\nText\n', "front-matter/yaml-syntax", 2],
  ["_posts/2024-01-02-no-title.md", post("date: 2024-01-02"), "front-matter/no-title", 1],
  ["_posts/2024-01-03-type.md", post("title: Types\npublished: maybe"), "front-matter/type", 3],
  ["_posts/2024-01-04-position.md", post("title: Position\nheader_position: middle"), "front-matter/allowed-values", 3],
  ["_posts/2024-01-05-unknown.md", post("title: Unknown\nsubtitel: hi"), "front-matter/unknown-key", 3],
  ["_posts/2024-01-06-not-a-date.md", post("title: Date\ndate: someday"), "date/invalid", 3],
  ["_posts/2024-01-07-placeholder-date.md", post('title: Placeholder\ndate: "2024-XX-XX 07:00:00"'), "date/placeholder", 3],
  ["_posts/2024-01-08-mismatch.md", post("title: Mismatch\ndate: 2024-02-08"), "date/file-name-mismatch", 3],
  ["_posts/2099-01-01-future.md", post("title: Future"), "date/future", 1],
  ["_posts/2024-01-09-image-placeholder.md", post("title: Image\nimage: XXX"), "front-matter/placeholder", 3],
  ["_posts/2024-01-10-category.md", post("title: Category\ncategory: enginering"), "taxonomy/unknown-category", 3],
  ["_posts/2024-01-11-author.md", post("title: Author\nabout_authors: [nobody]"), "authors/unknown-id", 3],
  ["_posts/2024-01-12-name.md", post('title: Name\nauthors: ["Grace Hopper"]'), "authors/no-profile", 3],
  ["_posts/2024-01-13-tag.md", post("title: Tag\ntags: [CI]"), "taxonomy/similar-tag", 3],
  ["_posts/2024-01-14-tag-two.md", post("title: Tag two\ntags: [ci, ci-tools]"), "", 0],
  ["_posts/2024-01-15-dup.md", post("title: Dup one\npermalink: /blog/same/"), "permalink/duplicate", -1],
  ["_posts/2024-01-16-dup.md", post("title: Dup two\npermalink: /blog/same/"), "permalink/duplicate", 3],
  ["_posts/2024-01-17-escape.md", post("title: Escape\npermalink: /blog/../../etc/"), "permalink/outside-site", 3],
  ["_posts/2024-01-18-unservable.md", post('title: Query\npermalink: "/blog/what?/"'), "permalink/unservable", 3],
  ["_posts/2024-01-19-links.md", post("title: Links", "Text.\n\nSee [missing](/blog/nowhere/) and [anchor](#nope) and [old](http://acme-legacy.io/).\n"), "links/broken-internal", 7],
  ["_posts/2024-01-20-anchor.md", post("title: Anchor", "## Setup\n\n[ok](#setup) [bad](#set-up)\n"), "links/broken-anchor", 7],
  ["_posts/2024-01-21-insecure.md", post("title: Insecure", "[site](http://acme-legacy.io/)\n"), "links/insecure", 5],
  ["_posts/2024-01-22-image.md", post("title: Image", "![a chart](/assets/missing.png)\n"), "images/missing", 5],
  ["_posts/2024-01-23-alt.md", post("title: Alt", '<img src="/assets/pic.png">\n'), "images/no-alt", 5],
  ["_posts/2024-01-24-binary.md", Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0xff, 0xfe, 0x00]), "file/not-utf8", 2],
  ["_posts/2024-01-25-bom.md", `\ufeff${post("title: BOM")}`, "file/bom", 1],
  ["_posts/2024-01-26-crlf.md", post("title: CRLF").replace(/\n/g, "\r\n"), "file/crlf", 1],
  ["_posts/2024-01-27-empty.md", "", "file/empty", 1],
  ["_posts/no-date-in-name.md", post("title: No date"), "file/name-without-date", 1],
  ["_posts/2024-01-28-liquid.md", post("title: Liquid", "{% instagram 123 %}\n\n{% include nope.html %}\n"), "liquid/unknown-tag", 5],
  ["_posts/2024-01-29-include.md", post("title: Include", "{% include nope.html %}\n"), "liquid/missing-include", 5],
  ["_posts/2024-01-30-nested.md", post("title: Nested", `${deepList}\n`), "", 0],
  ["_posts/2024-01-31-big.md", post("title: Big", `${"A long line of text that keeps going. ".repeat(40)}\n\n`.repeat(3400)), "", 0],
];

describe("npm run check", () => {
  it("reports each rule with its id, file and line, exits 1, and changes no file", async () => {
    const files: Record<string, string | Buffer> = {
      "_config.yml": BASIC_CONFIG,
      "_data/authors.yml": BASIC_AUTHORS,
      "assets/pic.png": Buffer.from("89504e470d0a1a0a0000000d49484452000000100000000c0806000000f3ffe3c50000000d4944415478da63f8cfc0f01f000501010054ad2d6e0000000049454e44ae426082", "hex"),
      "assets/img/authors/ada.png": Buffer.from("89504e470d0a1a0a0000000d49484452000000100000000c0806000000f3ffe3c50000000d4944415478da63f8cfc0f01f000501010054ad2d6e0000000049454e44ae426082", "hex"),
    };
    for (const [file, content] of CATALOGUE) files[file] = content;
    const root = makeSite(files);
    fs.symlinkSync("/etc/hostname", path.join(root, "_posts", "2024-02-01-outside.md"));
    expect(fs.statSync(path.join(root, "_posts/2024-01-31-big.md")).size).toBeGreaterThan(5_000_000);
    const before = hashTree(root);

    const { code, stdout } = await checkCli(root, ["--format", "json"]);
    expect(code).toBe(1);
    const { problems, summary } = JSON.parse(stdout) as { problems: { rule: string; file: string; line: number }[]; summary: { error: number } };
    expect(summary.error).toBeGreaterThan(10);
    const found = (rule: string, file: string) => problems.filter((p) => p.rule === rule && p.file.endsWith(file));
    for (const [file, , rule, line] of CATALOGUE) {
      if (!rule) {
        expect(problems.filter((p) => p.file.endsWith(file)), `${file} is valid`).toEqual([]);
        continue;
      }
      const matches = found(rule, file);
      expect(matches.length, `${rule} in ${file}`).toBeGreaterThan(0);
      if (line > 0) expect(matches.map((m) => m.line), `${rule} line in ${file}`).toContain(line);
    }
    expect(found("file/symlink-outside", "_posts/2024-02-01-outside.md")).toHaveLength(1);
    expect(hashTree(root)).toBe(before);
  }, 120_000);

  it("prints path:line:column severity rule message with found, expected and a fix, then a summary", async () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-10-category.md": post("title: Category\ncategory: enginering") });
    const { code, stdout } = await checkCli(root);
    expect(code).toBe(1);
    const [first, summary] = stdout.trim().split("\n");
    expect(first).toMatch(/_posts\/2024-01-10-category\.md:3:1 error taxonomy\/unknown-category Category `enginering` is not in category_list/);
    expect(first).toContain('found "enginering"');
    expect(first).toContain("expected one of engineering, team");
    expect(first).toContain("Fix: did you mean `engineering`?");
    expect(summary).toMatch(/^1 error, 0 warnings, 0 info in 1 file/);
  });

  it("checks only the files named, including files outside the content folder (the seed draft)", async () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024-01-10-category.md": post("title: Category\ncategory: enginering"),
      "_posts/2024-01-11-fine.md": post("title: Fine\ncategory: team"),
    });
    const outside = makeSite({ "draft.md": post('title: Draft\ndate: "2017-XX-XX 07:00:00"\nimage: XXX\ncategories: team\nauthors: ["Jan"]') });
    const { code, stdout } = await checkCli(root, [path.join(root, "_posts/2024-01-11-fine.md"), path.join(outside, "draft.md")]);
    expect(code).toBe(1);
    expect(stdout).not.toContain("2024-01-10-category.md");
    expect(stdout).toMatch(/draft\.md:3:1 error date\/placeholder .*move the post to _drafts\//);
    expect(stdout).toMatch(/draft\.md:4:1 error front-matter\/placeholder `image` holds a placeholder; found "XXX"/);
  });

  it("exits 0 when there are only warnings, and writes GitHub annotations", async () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-21-insecure.md": post("title: Insecure\ncategory: team", "[site](http://acme-legacy.io/)\n") });
    const { code, stdout } = await checkCli(root, ["--format", "github"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning file=.*2024-01-21-insecure\.md,line=6,col=1,title=links\/insecure::Link over http/m);
  });

  it("lets _config.yml change a rule's severity or turn it off", async () => {
    const root = makeSite({
      "_config.yml": `${BASIC_CONFIG}rules:\n  links/insecure: error\n  taxonomy/unknown-category: off\n`,
      "_posts/2024-01-21-insecure.md": post("title: Insecure\ncategory: nope", "[site](http://acme-legacy.io/)\n"),
    });
    const { stdout } = await checkCli(root, ["--format", "json"]);
    const { problems } = JSON.parse(stdout) as { problems: { rule: string; severity: string }[] };
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([["links/insecure", "error"]]);
  });

  it("prints a whole report into a pipe, however large (a JSON report is not cut at 64 KB)", async () => {
    const links = Array.from({ length: 500 }, (_, i) => `[link ${i}](http://acme-legacy.io/${i})`).join("\n\n");
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-02-links.md": post("title: Links", `${links}\n`) });
    const { code, stdout } = await checkCli(root, ["--format", "json"]);
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { problems: unknown[] }).problems).toHaveLength(500);
  });

  it("renders large sites on threads, and renders a post that runs its thread out of memory again alone, with more memory", async () => {
    const files: Record<string, string> = { "_config.yml": BASIC_CONFIG };
    for (let i = 0; i < 320; i++) files[`_posts/2024/2024-01-01-post-${i}.md`] = post(`title: Post ${i}`, i === 317 ? "See [gone](/blog/gone/).\n" : "Text.\n");
    // A 1 MB post: more than a thread with a 48 MB heap can render.
    files["_posts/2024/2024-01-01-post-100.md"] = post("title: Big", "Some *words* and [a link](https://example.com) here.\n\n".repeat(15_000));
    const root = makeSite(files);
    // Without a cache (BLOG_CACHE=0) the threads start before the content is loaded (see startThreadsEarly).
    for (const env of [{}, { BLOG_WORKER_HEAP_MB: "48" }, { BLOG_WORKER_HEAP_MB: "48", BLOG_CACHE: "0" }] as Record<string, string>[]) {
      const { code, stdout, stderr } = await checkCli(root, ["--format", "json"], env);
      // With the small heap, the retry really ran, for the big post; with the default, it did not.
      expect(stderr.includes("2024-01-01-post-100.md ran its render thread out of memory (48 MB")).toBe("BLOG_WORKER_HEAP_MB" in env);
      const { problems, summary } = JSON.parse(stdout) as { problems: { rule: string; file: string }[]; summary: { posts: number } };
      expect(code).toBe(1);
      expect(summary.posts).toBe(320);
      expect(problems.map((p) => [p.rule, p.file.endsWith("_posts/2024/2024-01-01-post-317.md")])).toEqual([["links/broken-internal", true]]);
    }
  });

  it("reports a post that runs a thread out of memory even alone with more memory, and renders the others", async () => {
    const files: Record<string, string> = { "_config.yml": BASIC_CONFIG };
    for (let i = 0; i < 4; i++) files[`_posts/2024/2024-01-0${i + 1}-post-${i}.md`] = post(`title: Post ${i}`, i === 3 ? "See [gone](/blog/gone/).\n" : "Text.\n");
    files["_posts/2024/2024-01-09-big.md"] = post("title: Big", "Some *words* and [a link](https://example.com) here.\n\n".repeat(15_000));
    const { code, stdout } = await checkCli(makeSite(files), ["--format", "json"], { BLOG_WORKER_HEAP_MB: "48", BLOG_WORKER_LARGE_HEAP_MB: "52" });
    const { problems } = JSON.parse(stdout) as { problems: { rule: string; file: string; message: string }[] };
    expect(code).toBe(1);
    expect(problems.map((p) => [p.rule, path.basename(p.file)]).sort()).toEqual([
      ["links/broken-internal", "2024-01-04-post-3.md"],
      ["markdown/render-failed", "2024-01-09-big.md"],
    ]);
    expect(problems.find((p) => p.rule === "markdown/render-failed")!.message).toMatch(/out of memory \(52 MB\), twice/);
  });

  it("stops a post that renders for too long, reports it, and renders the others", async () => {
    // Backtick runs of 1 to 1,000 characters take remark's parser 6 s (2,000 runs: 58 s); the limit here is 1 s.
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024-01-01-a.md": post("title: A", "Fine.\n"),
      "_posts/2024-01-02-hostile.md": post("title: Hostile", `${Array.from({ length: 1000 }, (_, i) => `${"`".repeat(i + 1)}a`).join("")}\n`),
      "_posts/2024-01-03-c.md": post("title: C", "[gone](/blog/gone/)\n"),
    });
    const { code, stdout } = await checkCli(root, ["--format", "json"], { BLOG_RENDER_TIMEOUT_S: "1" });
    const { problems, summary } = JSON.parse(stdout) as { problems: { rule: string; file: string; message: string }[]; summary: { posts: number } };
    expect(code).toBe(1);
    expect(summary.posts).toBe(3);
    expect(problems.map((p) => [p.rule, path.basename(p.file)])).toEqual([
      ["markdown/render-failed", "2024-01-02-hostile.md"],
      ["links/broken-internal", "2024-01-03-c.md"],
    ]);
    expect(problems[0]!.message).toMatch(/did not render within 1 s/);
  });
});
