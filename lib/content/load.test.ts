import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASIC_AUTHORS, BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { fingerprintFiles } from "./fingerprint";
import { loadContent, loadContentInParallel, loadContext, loadPostFile, type ContentSnapshot, type ParsePostFiles } from "./load";
import type { ContentProblem } from "./problems";

function only(problems: ContentProblem[], rule: string) {
  return problems.filter((p) => p.rule === rule);
}

const PNG_1x1 = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000100000000c0806000000f3ffe3c50000000d4944415478da63f8cfc0f01f000501010054ad2d6e0000000049454e44ae426082",
  "hex",
);

describe("loadContent", () => {
  it("normalizes Jekyll front matter into one Post", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_data/authors.yml": BASIC_AUTHORS,
      "assets/img/authors/ada.png": PNG_1x1,
      "assets/img/headers/public/cover.png": PNG_1x1,
      "_posts/2016/2016-03-08-online-schema-updates.md": post(
        `layout: post
title: "Online Schema Updates"
date: 2016-03-08
header_image: public/cover.png
header_position: top
category: engineering
tags: ["mysql", "zero downtime"]
authors: ["Ada", "Alan"]
about_authors: ["ada", "alan"]`,
        "# Intro\n\nWe change tables **without** downtime.\n\nMore.\n",
      ),
    });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    const [p] = posts;
    expect(p).toMatchObject({
      source: "_posts/2016/2016-03-08-online-schema-updates.md",
      title: "Online Schema Updates",
      slug: "online-schema-updates",
      url: "/blog/engineering/online-schema-updates/",
      categories: [{ slug: "engineering", name: "Engineering", url: "/blog/engineering/" }],
      tags: [{ slug: "mysql", name: "mysql" }, { slug: "zero-downtime", name: "zero downtime" }],
      headerPosition: "top",
      excerpt: "We change tables without downtime.",
      draft: false,
    });
    expect(p!.date.toISOString()).toBe("2016-03-07T23:00:00.000Z");
    expect(p!.authors.map((a) => [a.slug, a.fullName, a.hasProfile])).toEqual([["ada", "Ada Lovelace", true], ["alan", "Alan Turing", true]]);
    expect(p!.authors[0]!.avatar).toMatchObject({ src: "/assets/img/authors/ada.png", exists: true, width: 16, height: 12 });
    expect(p!.image).toMatchObject({ src: "/assets/img/headers/public/cover.png", exists: true, width: 16, height: 12 });
  });

  it("accepts the seed draft's older style: categories string, authors by display name only, quoted date with time", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_data/authors.yml": BASIC_AUTHORS,
      "_posts/2017/2017-05-11-retro.md": post(`title: Retro\ndate: "2017-05-11 07:00:00"\ncategories: team\nauthors: ["Alan", "Grace Hopper"]`),
    });
    const { posts, problems } = loadContent(root);
    expect(posts[0]!.date.toISOString()).toBe("2017-05-11T05:00:00.000Z");
    expect(posts[0]!.categories.map((c) => c.name)).toEqual(["Team & Culture"]);
    expect(posts[0]!.authors.map((a) => [a.fullName, a.hasProfile])).toEqual([["Alan Turing", true], ["Grace Hopper", false]]);
    expect(only(problems, "authors/no-profile")).toMatchObject([{ file: "_posts/2017/2017-05-11-retro.md", line: 5, field: "authors" }]);
  });

  it("dates a post from its file name when front matter has no date", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-x.md": post("title: X") });
    expect(loadContent(root).posts[0]!.date.toISOString()).toBe("2020-01-02T00:00:00.000Z");
  });

  it("decodes HTML character references in titles, descriptions and the site's title, which Jekyll's layouts print as HTML", () => {
    const root = makeSite({
      "_config.yml": "title: Ops &amp; Dev\ndescription: 64K RAM&nbsp;SYSTEM\n",
      "_posts/2021-12-03-uasm.md": post('title: Announcement&#58; UASM released\ndescription: "Fork &lt;b&gt; &amp; more"'),
    });
    const { config, posts } = loadContent(root);
    expect(posts[0]).toMatchObject({ title: "Announcement: UASM released", excerpt: "Fork <b> & more" });
    expect([config.title, config.description]).toEqual(["Ops & Dev", "64K RAM\u00a0SYSTEM"]);
  });

  it("applies Jekyll's front matter defaults by path and type, under the post's own front matter", () => {
    const config = [
      "defaults:",
      "  - scope: { path: \"\" }",
      "    values: { author: Site Team, comments: true, header: { teaser: t.png } }",
      "  - scope: { path: _posts/2024, type: posts }",
      "    values: { category: releases, tags: [release] }",
      "  - scope: { path: \"_posts/*/2024-02-*\" }",
      "    values: { render_with_liquid: false }",
      "  - values: oops",
    ].join("\n");
    const root = makeSite({
      "_config.yml": config,
      "_posts/2024/2024-01-05-one.md": post("title: One\ntags: [own]\nheader: { overlay: x }"),
      "_posts/2024/2024-02-05-two.md": post("title: Two\nauthor: Maja"),
      "_posts/2023/2023-01-05-old.md": post("title: Old"),
    });
    const { posts, problems } = loadContent(root);
    const byTitle = new Map(posts.map((p) => [p.title, p]));
    expect(byTitle.get("One")).toMatchObject({ categories: [{ slug: "releases" }], tags: [{ name: "own" }], authors: [{ name: "Site Team" }] });
    expect(byTitle.get("One")!.data.header).toEqual({ teaser: "t.png", overlay: "x" });
    expect(byTitle.get("Two")).toMatchObject({ categories: [{ slug: "releases" }], tags: [{ name: "release" }], authors: [{ name: "Maja" }] });
    expect(byTitle.get("Two")!.data.render_with_liquid).toBe(false);
    expect(byTitle.get("Old")).toMatchObject({ categories: [], authors: [{ name: "Site Team" }] });
    // Keys that only defaults set are not the post's misspellings.
    expect(only(problems, "front-matter/unknown-key")).toEqual([]);
    expect(only(problems, "config/invalid")).toMatchObject([{ file: "_config.yml", line: 8, field: "defaults.3" }]);
  });

  it("reports dates of the wrong type or form instead of dropping them", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_posts/2020-01-02-map.md": post("title: Map\ndate: {y: 2024}"),
      "_posts/2020-01-03-list.md": post("title: List\nlast_modified_at: banana\nredirect_from: {a: 1}"),
    });
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => [p.title, p.date.toISOString().slice(0, 10), p.updated])).toEqual([["Map", "2020-01-02", undefined], ["List", "2020-01-03", undefined]]);
    expect(problems.map((p) => [p.rule, p.field, p.line, p.expected]).sort()).toEqual([
      ["date/invalid", "date", 3, "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, optionally with an offset such as +0100 (or `Jan 7, 2020 10:30`)"],
      ["date/invalid", "last_modified_at", 3, "a date such as `2017-05-11` or `2017-05-11 07:00:00`"],
      ["front-matter/type", "redirect_from", 4, "a URL path or a list, e.g. `redirect_from: [/old/url/]`"],
    ]);
  });

  it("marks drafts and `published: false` posts", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_drafts/idea.md": post("title: Idea"),
      "_posts/2020-01-02-hidden.md": post("title: Hidden\npublished: false"),
    });
    const { posts } = loadContent(root);
    expect(posts.map((p) => [p.slug, p.draft])).toEqual([["hidden", true], ["idea", true]]);
  });

  it("reports problems with file, line, field, what was found and what is expected", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_data/authors.yml": BASIC_AUTHORS,
      "_posts/2020-01-02-bad.md": post(`title: Bad
date: 2020-01-02
category: enginering
about_authors: ["ada", "nobody"]
header_position: middle
image: XXX`),
    });
    const { problems } = loadContent(root);
    const file = "_posts/2020-01-02-bad.md";
    expect(only(problems, "taxonomy/unknown-category")).toMatchObject([{ file, line: 4, field: "category", found: '"enginering"' }]);
    expect(only(problems, "taxonomy/unknown-category")[0]!.hint).toContain("did you mean `engineering`");
    expect(only(problems, "authors/unknown-id")).toMatchObject([{ file, line: 5, found: '"nobody"' }]);
    expect(only(problems, "front-matter/allowed-values")).toMatchObject([{ file, line: 6, field: "header_position", found: '"middle"' }]);
    expect(only(problems, "front-matter/placeholder")).toMatchObject([{ file, line: 7, field: "image", found: '"XXX"' }]);
    expect(only(problems, "images/missing").filter((p) => p.file === file)).toEqual([]);
    expect(only(problems, "images/missing")).toMatchObject([{ file: "_data/authors.yml", line: 5, field: "image" }]);
  });

  it("reports a YAML syntax error at its line, and blocks the build", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-broken.md": '---\ntitle: "Unclosed\ndate: 2020-01-02\n---\nText\n' });
    const { posts, problems } = loadContent(root);
    expect(posts).toEqual([]);
    expect(problems).toMatchObject([{ rule: "front-matter/yaml-syntax", file: "_posts/2020-01-02-broken.md", blocksBuild: true }]);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it("warns about a missing title and takes it from the file name, as Jekyll does", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-untitled.md": post("date: 2020-01-02") });
    const { posts, problems } = loadContent(root);
    expect(problems).toMatchObject([{ rule: "front-matter/no-title", field: "title", severity: "warning", blocksBuild: false }]);
    expect(posts.map((p) => p.title)).toEqual(["Untitled"]);
  });

  it("requires a title that is text when there is one", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-blank.md": post('title: "  "'), "_posts/2020-01-03-list.md": post("title: [a, b]") });
    expect(loadContent(root).problems).toMatchObject([
      { rule: "front-matter/type", field: "title", blocksBuild: true, message: "`title` is empty" },
      { rule: "front-matter/type", field: "title", blocksBuild: true },
    ]);
  });

  it("handles hostile files without crashing", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2020-01-02-binary.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x01]),
      "_posts/2020-01-03-empty.md": "",
      "_posts/2020-01-04-crlf.md": "---\r\ntitle: Windows\r\n---\r\nText\r\n",
      "_posts/no-date.md": post("title: No date"),
      "_posts/2020-01-05-no-front-matter.md": "Just text\n",
    });
    fs.symlinkSync("/etc/passwd", path.join(root, "_posts", "2020-01-06-link.md"));
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => p.title)).toEqual(["Windows"]);
    expect(problems.map((p) => [p.rule, p.file])).toEqual(
      expect.arrayContaining([
        ["file/not-utf8", "_posts/2020-01-02-binary.md"],
        ["file/empty", "_posts/2020-01-03-empty.md"],
        ["file/crlf", "_posts/2020-01-04-crlf.md"],
        ["file/name-without-date", "_posts/no-date.md"],
        ["front-matter/missing", "_posts/2020-01-05-no-front-matter.md"],
        ["file/symlink-outside", "_posts/2020-01-06-link.md"],
      ]),
    );
    expect(only(problems, "file/not-utf8")[0]!.message).toContain("byte offset 4");
  });

  it("reports a bad _config.yml value with its line and keeps the default", () => {
    const root = makeSite({ "_config.yml": "title: X\ntimezone: Mars/Olympus\npagination:\n  per_page: many\n", "_posts/2020-01-02-a.md": post("title: A") });
    const { config, problems } = loadContent(root);
    expect(config.timezone).toBe("UTC");
    expect(config.perPage).toBe(10);
    expect(problems.map((p) => [p.rule, p.field, p.line])).toEqual([
      ["config/invalid", "timezone", 2],
      ["config/invalid", "pagination.per_page", 4],
    ]);
  });
});

describe("edge cases found in review", () => {
  it("treats a `published` that is not a boolean as unpublished, and reports it", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-odd.md": post('title: Odd\npublished: "false"') });
    const { posts, problems } = loadContent(root);
    expect(posts[0]!.draft).toBe(true);
    expect(problems).toMatchObject([{ rule: "front-matter/type", field: "published", line: 3 }]);
  });

  it("does not mistake ordinary words for placeholders", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-todo.md": post("title: Building a todo app\nexcerpt: what is tbd and what is not") });
    expect(loadContent(root).problems).toEqual([]);
  });

  it("keeps inline HTML out of excerpts", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-keys.md": post("title: Keys", "Press <kbd>Ctrl</kbd> and <em>go</em>.\n") });
    expect(loadContent(root).posts[0]!.excerpt).toBe("Press Ctrl and go.");
  });

  it("reports a category that makes no URL instead of dropping it silently", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-plus.md": post('title: Plus\ncategory: "++"') });
    const { posts, problems } = loadContent(root);
    expect(posts[0]!.categories).toEqual([]);
    expect(problems).toMatchObject([{ rule: "front-matter/type", field: "category", line: 3 }]);
  });

  it("walks a folder linked back up the tree once", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-one.md": post("title: One") });
    fs.symlinkSync(path.join(root, "_posts"), path.join(root, "_posts", "loop"));
    expect(loadContent(root).posts.map((p) => p.title)).toEqual(["One"]);
  });
});

describe("a post file name with a date and nothing after it", () => {
  it("is skipped with a message that says what is missing", () => {
    const { problems } = loadContent(makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-03-27-.md": post("title: X") }));
    expect(problems).toMatchObject([{ rule: "file/name-without-date", message: expect.stringContaining("a date but no name"), hint: "add the post's name after the date, e.g. 2024-03-27-my-post.md" }]);
  });
});

describe("posts that are symbolic links", () => {
  it("are noticed when added or removed: the content cache is keyed by them too", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2020-01-02-one.md": post("title: One"), "_src/linked.md": post("title: Linked") });
    const before = fingerprintFiles(root);
    const link = path.join(root, "_posts", "2020-01-03-linked.md");
    fs.symlinkSync(path.join(root, "_src", "linked.md"), link);
    const linked = fingerprintFiles(root);
    expect(linked).not.toBe(before);
    expect(loadContent(root).posts.map((p) => p.title).sort()).toEqual(["Linked", "One"]);
    // A link to a missing file counts too: it is a post that is reported.
    fs.rmSync(path.join(root, "_src", "linked.md"));
    const dangling = fingerprintFiles(root);
    expect(dangling).not.toBe(linked);
    fs.rmSync(link);
    expect(fingerprintFiles(root)).not.toBe(dangling);
  });
});

describe("other Jekyll blogs' conventions", () => {
  it("renders Liquid output in excerpts, as Jekyll does, instead of dropping it", () => {
    const root = makeSite({
      "_config.yml": "title: Team Blog\nexcerpt_separator: <!--more-->",
      "_posts/2020-01-01-a.md": post("title: Release", "News from {{ site.title }}: **{{ page.title | upcase }}** {% include x.html %}is out.\n<!--more-->\nRest.\n"),
      "_posts/2020-01-02-b.md": post("title: Plain", "Hello from {{ site.title }}.\n\nSecond.\n"),
    });
    expect(loadContent(root).posts.map((p) => p.excerpt)).toEqual(["News from Team Blog: RELEASE is out.", "Hello from Team Blog."]);
    // Dates in the site's timezone, as in the post body.
    const berlin = makeSite({ "_config.yml": "timezone: Europe/Berlin", "_posts/2024-05-01-d.md": post("title: D", "Published {{ page.date | date: '%Y-%m-%d %H:%M' }}.\n") });
    expect(loadContent(berlin).posts[0]!.excerpt).toBe("Published 2024-05-01 00:00.");
    const notes = makeSite({ "_config.yml": "title: T", "_posts/2024-05-01-n.md": post("title: N", "Hello.[^1] And second[^note].\n\n[^1]: One.\n[^note]: Two.\n") });
    expect(loadContent(notes).posts[0]!.excerpt).toBe("Hello. And second.");
  });

  it("keeps a list with an empty item or YAML booleans and numbers, as Jekyll does, instead of dropping it", () => {
    const root = makeSite({
      "_config.yml": "title: x",
      "_posts/2020-01-01-tags.md": "---\ntitle: Tags\ntags: [no, 2024, null, ok]\ncategories:\n  -\n  - real\n---\nBody\n",
    });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(posts.map((p) => [p.tags.map((t) => t.name), p.categories.map((c) => c.raw)])).toEqual([[["false", "2024", "ok"], ["real"]]]);
  });

  it("titles a post without `title` from its file name, and ends front matter at `...` too, as Jekyll does", () => {
    const root = makeSite({
      "_config.yml": "title: x",
      "_posts/2022-01-05-release-notes-v2.md": "---\ndate: 2022-01-05\n---\nBody one.\n",
      "_posts/2022-01-06-empty-block.md": "---\n---\nBody two.\n",
      "_posts/2022-01-07-dots.md": "---\ntitle: Dots close\n...\nBody three.\n\n---\n\nAfter a rule.\n",
      "_posts/2022-01-08-null.md": "---\ntitle:\n---\nBody four.\n",
    });
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => [p.title, p.body.trim()])).toEqual([
      ["Release Notes V2", "Body one."],
      ["Empty Block", "Body two."],
      ["Dots close", "Body three.\n\n---\n\nAfter a rule."],
      ["Null", "Body four."],
    ]);
    expect(problems.map((p) => [p.rule, p.file, p.severity])).toEqual([
      ["front-matter/no-title", "_posts/2022-01-05-release-notes-v2.md", "warning"],
      ["front-matter/no-title", "_posts/2022-01-06-empty-block.md", "warning"],
      ["front-matter/no-title", "_posts/2022-01-08-null.md", "warning"],
    ]);
    expect(posts[2]?.bodyLine).toBe(4);
  });

  it("reads .html posts as HTML and other Markdown extensions from markdown_ext; ignores other files", () => {
    const root = makeSite({
      "_config.yml": "markdown_ext: md,txt",
      "_posts/2020-01-02-plain.html": post("title: Plain HTML", "<p>First <em>HTML</em> paragraph.</p>\n<p>Second.</p>\n"),
      "_posts/2020-01-03-notes.txt": post("title: Text as Markdown", "A *text* post.\n"),
      "_posts/2020-01-04-skipped.markdown": post("title: Not in markdown_ext"),
      "_posts/2020-01-05-photo.png": PNG_1x1,
    });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(posts.map((p) => [p.title, p.format, p.excerpt])).toEqual([
      ["Plain HTML", "html", "First HTML paragraph."],
      ["Text as Markdown", "markdown", "A text post."],
    ]);
  });

  it("takes the excerpt from before excerpt_separator, set per post or for the site", () => {
    const body = "First paragraph.\n\nSecond **paragraph**.\n\n<!--more-->\n\nThe rest.\n";
    const root = makeSite({
      "_config.yml": "excerpt_separator: <!--more-->",
      "_posts/2020-01-02-site-wide.md": post("title: Site wide", body),
      "_posts/2020-01-03-own.md": post("title: Own\nexcerpt_separator: \"[cut]\"", "Intro [cut] hidden.\n"),
      "_posts/2020-01-04-without.md": post("title: Without", "Only the first.\n\nNot this.\n"),
    });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(posts.map((p) => [p.title, p.excerpt]))).toEqual({
      "Site wide": "First paragraph. Second paragraph.",
      Own: "Intro",
      Without: "Only the first.",
    });
  });

  it("reads jekyll-seo-tag's author objects, and keys of popular themes without a warning (a misspelling still gets one)", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_posts/2020-01-02-seo.md": post("title: Seo\nauthor:\n  name: Grace Hopper\n  url: https://example.com/grace\nheader:\n  teaser: /x.png\nclasses: wide\nrender_with_liquid: false"),
      "_posts/2020-01-03-list.md": post("title: List\nauthors: [{ name: Ada }, Alan]\ntagz: [a]"),
    });
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => p.authors.map((a) => a.fullName))).toEqual([["Grace Hopper"], ["Ada", "Alan"]]);
    expect(problems).toMatchObject([{ rule: "front-matter/unknown-key", file: "_posts/2020-01-03-list.md", field: "tagz", hint: "did you mean `tags`?" }]);
  });

  it("reads themes' toc settings and sitemap: false, and says what to write for keys Jekyll reserves", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_posts/2020-01-02-a.md": post("title: A\ntoc:\n  sidebar: left\ngiscus_comments: true\nrelated_posts: false\ngh-repo: me/x\nsitemap: false"),
      "_posts/2020-01-03-b.md": post("title: B\ntoc: false\nurl: /b/"),
      "_posts/2020-01-04-c.md": post("title: C"),
    });
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => [p.title, p.toc, p.inSitemap])).toEqual([["A", true, false], ["B", false, true], ["C", undefined, true]]);
    expect(problems).toMatchObject([{ rule: "front-matter/unknown-key", field: "url", hint: expect.stringContaining("write `permalink:`") }]);
  });

  it("explains a date written on the file name's day that falls on another day in the site's timezone", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_posts/2024-01-01-late.md": post("title: Late\ndate: 2024-01-01 23:30:00 -0500"),
      "_posts/2024-01-05-off.md": post("title: Off\ndate: 2024-01-07"),
    });
    const { problems } = loadContent(root);
    expect(only(problems, "date/file-name-mismatch")).toMatchObject([
      { file: "_posts/2024-01-01-late.md", message: "The front matter date is 2024-01-02 in the site's timezone (UTC), which its URL and page use, but the file name says 2024-01-01", hint: expect.stringContaining("set `timezone:`") },
      { file: "_posts/2024-01-05-off.md", message: "The front matter date and the file name's date differ; the front matter date is used" },
    ]);
  });

  it("does not publish a quoted published: \"false\", and says to drop the quotes", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-q.md": post('title: Q\npublished: "false"') });
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => p.draft)).toEqual([true]);
    expect(problems).toMatchObject([{
      rule: "front-matter/type", line: 3, field: "published", found: '"false"',
      message: "`published` is a quoted text, not true or false; to be safe the post is not published", hint: "write `published: false` without quotes",
    }]);
  });

  it("says what an author should be when it is neither a name nor an object with one", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-x.md": post("title: X\nauthor: { url: https://example.com }") });
    expect(only(loadContent(root).problems, "front-matter/type")).toMatchObject([{ field: "author", expected: expect.stringContaining("{ name:") }]);
  });

  it("gives C++, C# and C their own tag pages", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-langs.md": post('title: Langs\ntags: ["C++", "C#", "C", "F#", "node.js"]') });
    expect(loadContent(root).posts[0]!.tags.map((t) => t.slug)).toEqual(["c-plus-plus", "c-sharp", "c", "f-sharp", "node-js"]);
  });

  it("says what to change for TOML front matter", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_posts/2020-01-02-hugo.md": '+++\ntitle = "Hugo"\n+++\nText.\n',
    });
    const { posts, problems } = loadContent(root);
    expect(posts).toEqual([]);
    expect(problems).toMatchObject([
      { rule: "front-matter/missing", file: "_posts/2020-01-02-hugo.md", line: 1, blocksBuild: true, message: expect.stringContaining("TOML front matter (`+++`) is not read") },
    ]);
  });
});

describe("dates in file names", () => {
  it("reads single-digit months and days, as Jekyll does", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2016-3-8-short.md": post("title: Short") });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect([posts[0]!.slug, posts[0]!.date.toISOString()]).toEqual(["short", "2016-03-08T00:00:00.000Z"]);
  });

  it("names an impossible file name date instead of saying there is none", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2024-02-30-leap.md": post("title: Leap") });
    expect(loadContent(root).problems).toMatchObject([
      { rule: "date/invalid", file: "_posts/2024-02-30-leap.md", line: 1, blocksBuild: true, found: '"2024-02-30"', message: expect.stringContaining("is not a real date") },
    ]);
  });
});

describe("site.data", () => {
  it("reads _data/ YAML and JSON files, folders nesting, and reports a broken one", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_data/links.yml": "- name: Docs\n  url: https://docs.example.org\n",
      "_data/team/members.json": '{"lead": "Ada"}',
      "_data/broken.yml": "a: [1,\n",
      "_posts/2020-01-02-a.md": post("title: A"),
    });
    const { data, problems } = loadContent(root);
    expect(data).toEqual({ links: [{ name: "Docs", url: "https://docs.example.org" }], team: { members: { lead: "Ada" } } });
    expect(problems).toMatchObject([{ rule: "data/invalid", file: "_data/broken.yml", severity: "warning" }]);
  });
});

describe("nested _posts folders", () => {
  it("reads events/_posts/ too, with the folder names as categories before front matter's, as Jekyll does", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC\npermalink: /:categories/:title/",
      "_posts/2020-01-01-top.md": post("title: Top"),
      "events/_posts/2020-01-02-meetup.md": post("title: Meetup\ncategory: community"),
      "events/berlin/_drafts/later.md": post("title: Later"),
      "_site/events/_posts/2020-01-03-built.md": post("title: Jekyll output"),
    });
    const { posts, problems } = loadContent(root);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(posts.map((p) => [p.title, p.categories.map((c) => c.slug), p.url])).toEqual([
      ["Top", [], "/top/"],
      ["Meetup", ["events", "community"], "/events/community/meetup/"],
      ["Later", ["events", "berlin"], "/events/berlin/later/"],
    ]);
  });
});

describe("a content folder without posts", () => {
  it("is reported as probably the wrong folder", () => {
    const hugo = loadContent(makeSite({ "config.toml": "title = 'x'", "content/posts/hugo.md": post("title: Hugo") }));
    expect(hugo.posts).toEqual([]);
    expect(hugo.problems.filter((p) => p.rule !== "file/jekyll-page")).toMatchObject([{ rule: "config/no-posts", severity: "warning", message: "No posts: the content folder has no _posts/ folder" }]);
    const empty = loadContent(makeSite({ "_config.yml": "title: x", "_posts/.keep": "" }));
    expect(empty.problems).toMatchObject([{ rule: "config/no-posts", message: "No posts: _posts/ holds no files" }]);
    // Posts there, but markdown_ext names other extensions: the message says which setting to look at.
    const mismatch = loadContent(makeSite({ "_config.yml": "title: x\nmarkdown_ext: 5", "_posts/README.txt": "notes", "_posts/2024-01-01-a.md": post("title: A") }));
    expect(mismatch.problems).toMatchObject([{
      rule: "config/no-posts", message: "No posts: none of the 2 files in _posts/ is Markdown (.5, from `markdown_ext`) or HTML", hint: expect.stringContaining("markdown_ext"),
    }]);
  });
});

describe("jekyll-seo-tag style authors", () => {
  it("reads a mapping of id to profile with bio, avatar and social keys, and `author: id` in a post", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC",
      "_data/authors.yml": "ben:\n  name: Ben Jones\n  bio: Writes about CI.\n  avatar: ben.png\n  twitter: \"@benj\"\n  github: benj\n  url: https://ben.example.org\n",
      "assets/img/authors/ben.png": PNG_1x1,
      "_posts/2020-01-02-ci.md": post("title: CI\nauthor: ben"),
    });
    const { posts, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(posts[0]!.authors).toMatchObject([{
      slug: "ben", name: "Ben Jones", description: "Writes about CI.", hasProfile: true, avatar: { src: "/assets/img/authors/ben.png", exists: true },
      links: [{ label: "Website", url: "https://ben.example.org" }, { label: "X/Twitter", url: "https://twitter.com/benj" }, { label: "GitHub", url: "https://github.com/benj" }],
    }]);
  });
});

describe("duplicate front matter keys", () => {
  it("use the last value, as Jekyll does, with a warning naming both lines", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-dup.md": "---\ntitle: First\ntags: [a]\ntitle: Second\n---\nText.\n" });
    const { posts, problems } = loadContent(root);
    expect(posts[0]!.title).toBe("Second");
    expect(problems).toMatchObject([{ rule: "front-matter/duplicate-key", severity: "warning", line: 4, field: "title", message: "`title` is set 2 times (lines 2, 4); the last one is used, as in Jekyll" }]);
  });
});

describe("the content cache", () => {
  // Unit tests run without caches (vitest.config.mts); these are about the cache itself.
  beforeEach(() => vi.stubEnv("BLOG_CACHE", "1"));
  afterEach(() => vi.unstubAllEnvs());

  it("stores posts without their bodies; a later load reads each body from its file when asked", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-a.md": post("title: A", "Body *one*.\n\n{{ page.title }}\n") });
    const fresh = loadContent(root).posts[0]!;
    const cached = loadContent(root).posts[0]!;
    expect(Object.getOwnPropertyDescriptor(cached, "body")?.get).toBeTypeOf("function");
    expect(cached.body).toBe(fresh.body);
    expect(cached.body).toBe("\nBody *one*.\n\n{{ page.title }}\n");
  });

  it("says the same of a post file removed after the snapshot was read", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-a.md": post("title: A", "Before.\n") });
    loadContent(root);
    const cached = loadContent(root).posts[0]!;
    fs.rmSync(path.join(root, "_posts/2020-01-02-a.md"));
    expect(() => cached.body).toThrow("_posts/2020-01-02-a.md changed while the blog was being built; build again");
  });

  it("does not hand out a body whose file changed after the snapshot was read", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2020-01-02-a.md": post("title: A", "Before.\n") });
    loadContent(root);
    const cached = loadContent(root).posts[0]!;
    fs.writeFileSync(path.join(root, "_posts/2020-01-02-a.md"), post("title: A", "After.\n"));
    expect(() => cached.body).toThrow("_posts/2020-01-02-a.md changed while the blog was being built; build again");
  });
});

describe("loadContentInParallel", () => {
  // The asset index holds closures, equal only to themselves: its data is compared instead.
  const comparable = ({ assets, ...content }: ContentSnapshot) => ({ ...content, assets: { files: assets.files, pages: assets.pages } });
  // 120 posts: more than two shares, so this thread and each helper parse some; some with problems.
  const files: Record<string, string> = { "_config.yml": BASIC_CONFIG, "_data/authors.yml": BASIC_AUTHORS };
  for (let i = 1; i <= 120; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    files[`_posts/2021-02-${day}-post-${i}.md`] = i % 17 === 0 ? "---\ntitle: [unclosed\n---\nBody.\n" : post(`title: Post ${i}\nauthors: [ada]\ntags: [t${i % 5}]`, `Text of post ${i}.\n`);
  }
  files["_posts/no-date.md"] = post("title: Undated");

  it("gives the content loadContent gives, posts and problems in the same order", async () => {
    const root = makeSite(files);
    const { context, key } = loadContext(root);
    const calls: number[] = [];
    const helper: ParsePostFiles = async (share) => {
      calls.push(share.length);
      return share.map((file) => loadPostFile(file, context, key));
    };
    const parallel = await loadContentInParallel(root, [helper, helper]);
    expect(calls.length).toBeGreaterThan(0);
    expect(comparable(parallel)).toEqual(comparable(loadContent(root)));
    expect(parallel.posts).toHaveLength(113);
    expect(parallel.problems.length).toBeGreaterThan(7);
  });

  it("parses the share of a helper that fails itself", async () => {
    const root = makeSite(files);
    const failing: ParsePostFiles = () => Promise.reject(new Error("the thread stopped"));
    expect(comparable(await loadContentInParallel(root, [failing]))).toEqual(comparable(loadContent(root)));
  });
});

describe("broken and hostile content folders (found in review)", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Makes fs fail as for a file or folder without read permission (the tests run as root, which chmod does not stop). */
  function denyAccess(method: "readFileSync" | "readdirSync", denied: (file: string) => boolean) {
    const original = fs[method] as (...args: unknown[]) => unknown;
    vi.spyOn(fs, method).mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      if (denied(String(file))) throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: "EACCES" });
      return original(file, ...rest);
    }) as never);
  }

  it("dates a post from its file name when `date:` has no value, as Jekyll does", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2024-01-01-a.md": post("title: A\ndate:") });
    const { posts, problems } = loadContent(root);
    expect(posts[0]!.date.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(only(problems, "date/invalid")).toEqual([]);
  });

  it("stops on a config that cannot be read or is no mapping of settings, instead of building with the defaults", () => {
    const folder = makeSite({ "_config.yml/x": "", "_posts/2024-01-01-a.md": post("title: A") });
    expect(loadContent(folder).problems).toMatchObject([{ rule: "file/unreadable", file: "_config.yml", blocksBuild: true, message: expect.stringContaining("EISDIR") }]);
    const list = makeSite({ "_config.yml": "- title: x\n- url: y\n", "_posts/2024-01-01-a.md": post("title: A") });
    expect(only(loadContent(list).problems, "config/invalid")).toMatchObject([{ file: "_config.yml", line: 1, blocksBuild: true, message: "_config.yml is not a mapping of settings; none of it is used" }]);
  });

  it("says a _config.yml saved in another encoding is not UTF-8, at the line, instead of a YAML error", () => {
    const root = makeSite({ "_config.yml": Buffer.concat([Buffer.from("title: Blog\ndescription: Caf"), Buffer.from([0xe9]), Buffer.from("\n")]), "_posts/2024-01-01-a.md": post("title: A") });
    expect(loadContent(root).problems).toMatchObject([{ rule: "file/not-utf8", file: "_config.yml", line: 2, blocksBuild: true, message: expect.stringContaining("invalid byte 0xe9") }]);
  });

  it("reports data, include and authors files that cannot be read, with their names", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG, "_data/authors.yml": BASIC_AUTHORS, "_data/team.yml": "a: 1\n", "_includes/note.html": "Note",
      "_posts/2024-01-01-a.md": post("title: A"),
    });
    denyAccess("readFileSync", (file) => /(team\.yml|note\.html|authors\.yml)$/.test(file));
    const unreadable = only(loadContent(root).problems, "file/unreadable");
    expect(unreadable.map((p) => p.file).sort()).toEqual(["_data/authors.yml", "_data/team.yml", "_includes/note.html"]);
    expect(unreadable.every((p) => p.blocksBuild && p.message.includes("EACCES"))).toBe(true);
  });

  it("reports a folder of posts that cannot be read instead of leaving its posts out silently", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-01-a.md": post("title: A"), "_posts/locked/2024-01-02-b.md": post("title: B") });
    denyAccess("readdirSync", (dir) => dir.endsWith(`${path.sep}locked`));
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => p.title)).toEqual(["A"]);
    expect(only(problems, "file/unreadable")).toMatchObject([{ file: "_posts/locked", blocksBuild: true, message: expect.stringContaining("its posts are left out") }]);
  });

  it("reports a _drafts/ folder that cannot be read without stopping the build, which publishes no drafts", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-01-a.md": post("title: A"), "_drafts/wip.md": post("title: WIP") });
    denyAccess("readdirSync", (dir) => dir.endsWith(`${path.sep}_drafts`));
    expect(only(loadContent(root).problems, "file/unreadable")).toMatchObject([{ file: "_drafts", blocksBuild: false, message: expect.stringContaining("its drafts are left out") }]);
  });

  it("does not follow a link from _posts/ back up to the content folder, or into _drafts/: drafts stay drafts, folders keep their categories", () => {
    const root = makeSite({
      "_config.yml": "timezone: UTC\ncategory_list:\n  events: Events\n",
      "_posts/2024-01-01-a.md": post("title: A"), "_drafts/wip.md": post("title: WIP"),
      "events/_posts/2024-01-02-meetup.md": post("title: Meetup"),
    });
    fs.symlinkSync("..", path.join(root, "_posts", "loop"));
    fs.symlinkSync(path.join("..", "_drafts"), path.join(root, "_posts", "drafts"));
    const { posts, problems } = loadContent(root);
    expect(posts.map((p) => [p.title, p.draft, p.categories.map((c) => c.slug)])).toEqual([["A", false, []], ["WIP", true, []], ["Meetup", false, ["events"]]]);
    expect(only(problems, "file/symlink-outside").map((p) => [p.file, p.message])).toEqual([
      ["_posts/drafts", "Symbolic link points to _drafts, and _drafts is read on its own; it is not followed"],
      ["_posts/loop", "Symbolic link points back up to the content folder, which holds it (a loop); it is not followed"],
    ]);
    expect(only(problems, "file/name-without-date")).toEqual([]);
  });

  it("publishes a static file linked from inside the content folder, and reports a link that leads out of it", () => {
    const outside = makeSite({ "secret.txt": "secret" });
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024-01-01-a.md": post("title: A"), "images/real.png": PNG_1x1 });
    fs.symlinkSync(path.join(root, "images", "real.png"), path.join(root, "images", "linked.png"));
    fs.symlinkSync(path.join(outside, "secret.txt"), path.join(root, "images", "secret.txt"));
    const { assets, problems } = loadContent(root);
    expect([...assets.files.keys()].sort()).toEqual(["/images/linked.png", "/images/real.png"]);
    expect(only(problems, "file/symlink-outside")).toMatchObject([{ file: "images/secret.txt", message: expect.stringContaining("points outside the content folder") }]);
  });

  it("reports a front matter whose aliases expand without end at the first alias, as an error, not a hang", () => {
    const aliases = ["a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]"];
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2024-01-01-bomb.md": post(`title: Bomb\n${aliases.join("\n")}`) });
    expect(loadContent(root).problems).toMatchObject([{
      rule: "front-matter/yaml-syntax", line: 4, blocksBuild: true,
      message: expect.stringContaining("aliases (`*name`) expand to more than 100 values"), hint: "write the values out instead of repeating them through aliases",
    }]);
  });

  it("points at an alias without its anchor (`*nix` in a list of tags), saying to quote it", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2024-01-01-a.md": post("title: A\ntags: [*nix, linux]") });
    expect(loadContent(root).problems).toMatchObject([{
      rule: "front-matter/yaml-syntax", line: 3, message: expect.stringContaining("`*nix` reads as a YAML alias, but no `&nix` anchor comes before it"),
      hint: expect.stringContaining("quote values that"),
    }]);
  });

  it("says to write a title given as a list as one text", () => {
    const root = makeSite({ "_config.yml": "timezone: UTC", "_posts/2024-01-01-a.md": post("title: [One, Two]") });
    expect(only(loadContent(root).problems, "front-matter/type")).toMatchObject([{ field: "title", hint: "write the title as one text: `title: \"...\"`, without `-` or `[...]`" }]);
  });
});
