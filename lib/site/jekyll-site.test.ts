// Jekyll site features that cross modules: static files, include_relative, Liquid that reads other posts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { loadContent } from "@/lib/content/load";
import { indexAssets } from "@/lib/content/assets";
import { buildSite } from "./model";

const NOTHING = { exclude: [], include: [] };

describe("indexAssets: the content folder's static files, as Jekyll copies them", () => {
  it("takes every file outside _ . # ~ names, at its own URL", () => {
    const root = makeSite({
      "assets/img/a.png": "png",
      "images/b.jpg": "jpg",
      "favicon.ico": "ico",
      CNAME: "blog.example.org",
      "files/notes.txt": "notes",
      "_posts/2024-01-01-x.md": post("title: X"),
      "_drafts/d.md": post("title: D"),
      "_includes/note.html": "<p>note</p>",
      ".git/config": "[core]",
      "#draft.txt": "scratch",
      "backup.txt~": "old",
      "~tmp/x.txt": "tmp",
    });
    expect([...indexAssets(root, NOTHING).files.keys()].sort()).toEqual(["/CNAME", "/assets/img/a.png", "/favicon.ico", "/files/notes.txt", "/images/b.jpg"]);
  });

  it("leaves out Jekyll's default excludes and the configured ones, and takes back what `include` names", () => {
    const root = makeSite({
      Gemfile: "source 'https://rubygems.org'",
      "Gemfile.lock": "GEM",
      "node_modules/x/index.js": "x",
      "vendor/bundle/gem.rb": "gem",
      "vendor/lib.js": "lib",
      "scripts/deploy.sh": "deploy",
      "images/design.psd": "psd",
      "images/ok.png": "png",
      "docs/drafts/plan.txt": "plan",
      "docs/guide.txt": "guide",
      ".well-known/security.txt": "contact",
      ".env": "SECRET=1",
    });
    const files = indexAssets(root, { exclude: ["scripts", "*.psd", "/docs/drafts/"], include: [".well-known"] }).files;
    expect([...files.keys()].sort()).toEqual(["/.well-known/security.txt", "/docs/guide.txt", "/images/ok.png", "/vendor/lib.js"]);
  });

  it("lists files with front matter as Jekyll pages, not static files", () => {
    const root = makeSite({
      "about.md": "---\ntitle: About\n---\nUs.",
      "index.html": "---\nlayout: home\n---\n",
      "css/main.scss": "---\n---\n@import 'minima';",
      "feed.xml": "\uFEFF---\r\nlayout: null\r\n---\r\n",
      "README.md": "# Our blog\n",
      "google123.html": "google-site-verification: google123.html",
    });
    const index = indexAssets(root, NOTHING);
    expect(index.pages).toEqual(["about.md", "css/main.scss", "feed.xml", "index.html"]);
    expect([...index.files.keys()].sort()).toEqual(["/README.md", "/google123.html"]);
  });
});

describe("static files in the site model", () => {
  const NOW = { drafts: false, future: false, now: new Date("2024-06-01T12:00:00Z") };

  it("are published unless the blog writes a page or its own file there, which is reported", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-first.md": post("title: First\ncategory: team"),
      "robots.txt": "User-agent: *",
      "blog/team/first/index.html": "<p>an old copy</p>",
      "blog/feed.xml": "<feed/>",
      "downloads/guide.pdf": "%PDF",
      "about.md": "---\ntitle: About\n---\n",
    });
    const site = buildSite(loadContent(root), NOW);
    expect([...site.staticFiles.keys()]).toEqual(["/downloads/guide.pdf"]);
    const conflicts = site.problems.filter((p) => p.rule === "file/conflict").sort((a, b) => a.file.localeCompare(b.file));
    expect(conflicts).toMatchObject([
      { file: "blog/feed.xml", severity: "warning", message: "Not copied: the blog writes a site-wide feed at /blog/feed.xml" },
      { file: "blog/team/first/index.html", message: "Not copied: the blog writes the page /blog/team/first/ at /blog/team/first/index.html" },
      { file: "robots.txt", message: "Not copied: the blog writes robots.txt at /robots.txt" },
    ]);
    expect(site.problems.filter((p) => p.rule === "file/jekyll-page")).toMatchObject([{ file: "about.md", severity: "info" }]);
  });

  it("count as link targets for posts", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-first.md": post("title: First\ncategory: team", "[guide](/downloads/guide.pdf) and [gone](/downloads/gone.pdf)\n"),
      "downloads/guide.pdf": "%PDF",
    });
    const site = buildSite(loadContent(root), NOW);
    const target = (url: string) => site.renderContext.resolvePath(url);
    expect(target("/downloads/guide.pdf")).toBe("asset");
    expect(target("/downloads/gone.pdf")).not.toBe("asset");
  });
});

describe("include_relative through the whole pipeline", () => {
  const NOW = { drafts: false, future: false, now: new Date("2024-06-01T12:00:00Z") };

  it("reads files next to the post, never through `..` or a symbolic link, and a changed file changes the render key", async () => {
    const { renderPost } = await import("@/lib/markdown");
    const outside = makeSite({ "secret.txt": "TOP SECRET" });
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-first.md": post("title: First\ncategory: team",
        "```ruby\n{% include_relative samples/hello.rb %}\n```\n\n{% include_relative ../../_config.yml %}\n\n{% include_relative link.txt %}\n\n{% include_relative samples/part.md %}\n\n{% include_relative outside/secret.txt %}\n"),
      "_posts/2024/samples/hello.rb": 'puts "hello from {{ page.title }}"\n',
      // A Markdown part without a date in _posts/: not a stray post when a post includes it.
      "_posts/2024/samples/part.md": "A part of the post.\n",
      "_posts/2024/samples/stray.md": "Not included.\n",
    });
    fs.symlinkSync(path.join(outside, "secret.txt"), path.join(root, "_posts/2024/link.txt"));
    fs.symlinkSync(outside, path.join(root, "_posts/2024/outside"));
    const site = buildSite(loadContent(root), NOW);
    const rendered = await renderPost(site.posts[0]!, site.renderContext);
    expect(rendered.html).toContain("hello from First");
    expect(rendered.html).toContain("A part of the post.");
    expect(site.problems.filter((p) => p.rule === "file/name-without-date").map((p) => p.file)).toEqual(["_posts/2024/samples/stray.md"]);
    expect(rendered.html).not.toContain("TOP SECRET");
    expect(rendered.html).not.toContain("Fixture Blog");
    expect(rendered.problems.map((p) => [p.rule, p.line])).toEqual([["liquid/bad-argument", 10], ["liquid/missing-include", 12], ["liquid/missing-include", 16]]);

    fs.writeFileSync(path.join(root, "_posts/2024/samples/hello.rb"), 'puts "changed"\n');
    const again = buildSite(loadContent(root), NOW);
    expect(again.renderContext.fingerprint).not.toBe(site.renderContext.fingerprint);
    expect((await renderPost(again.posts[0]!, again.renderContext)).html).toContain("changed");
  });
});

describe("Liquid that reads other posts", () => {
  const NOW = { drafts: false, future: false, now: new Date("2024-06-01T12:00:00Z") };

  it("gets site.posts, site.categories, site.tags and page.previous/next, and renders again when another post changes", async () => {
    const { renderPost } = await import("@/lib/markdown");
    const series = "{% for p in site.posts %}[{{ p.title }}]({{ p.url }}) {% endfor %}\n\n" +
      "{{ site.posts.size }} posts, {{ site.categories.team.size }} in team, {{ site.tags.ci | map: 'title' | join: ',' }} tagged ci.\n\n" +
      "Older: {{ page.previous.title }}. Newer: {{ page.next.title }}.\n";
    const files = {
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-first.md": post("title: First\ncategory: team\ntags: [ci]"),
      "_posts/2024/2024-02-01-series.md": post("title: Series\ncategory: engineering", series),
      "_posts/2024/2024-03-01-third.md": post("title: Third\ncategory: team"),
    };
    const root = makeSite(files);
    const site = buildSite(loadContent(root), NOW);
    const seriesPost = site.posts.find((p) => p.title === "Series")!;
    expect(seriesPost.readsOtherPosts).toBe(true);
    const { html } = await renderPost(seriesPost, site.renderContext);
    expect(html).toContain('<a href="/blog/team/third/">Third</a> <a href="/blog/engineering/series/">Series</a> <a href="/blog/team/first/">First</a>');
    expect(html).toContain("3 posts, 2 in team, First tagged ci.");
    expect(html).toContain("Older: First. Newer: Third.");

    fs.writeFileSync(path.join(root, "_posts/2024/2024-03-01-third.md"), post("title: Third, renamed\ncategory: team"));
    const again = buildSite(loadContent(root), NOW);
    const { html: changed } = await renderPost(again.posts.find((p) => p.title === "Series")!, again.renderContext);
    expect(changed).toContain("Newer: Third, renamed.");
  });
});
