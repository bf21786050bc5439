import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { BASIC_AUTHORS, BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { findRoute } from "./index";
import { buildSite } from "./model";
import { exportPathOf, listingPagePath, routeKey } from "./routes";

const NOW = new Date("2024-06-01T12:00:00Z");
const PRODUCTION = { drafts: false, future: false, now: NOW };
const DEVELOPMENT = { drafts: true, future: true, now: NOW };

function fixture() {
  return makeSite({
    "_config.yml": BASIC_CONFIG,
    "_data/authors.yml": BASIC_AUTHORS,
    "_posts/2024/2024-01-01-first.md": post('title: First\ncategory: engineering\ntags: [ci]\nabout_authors: [ada]'),
    "_posts/2024/2024-02-01-second.md": post('title: Second\ncategory: team\ntags: [CI, hiring]\nabout_authors: [alan]'),
    "_posts/2024/2024-03-01-third.md": post('title: Third\ncategory: engineering\ntags: [ci]\nabout_authors: [ada, alan]\nredirect_from: /old/third.html'),
    "_posts/2030/2030-01-01-future.md": post("title: Future\ncategory: engineering"),
    "_drafts/draft.md": post("title: Draft\ncategory: engineering"),
  });
}

describe("buildSite", () => {
  it("publishes only public posts in production, newest first", () => {
    const site = buildSite(loadContent(fixture()), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["Third", "Second", "First"]);
    expect([...site.routes.values()].some((r) => r.kind === "post" && ["Future", "Draft"].includes(r.post.title))).toBe(false);
    expect(site.problems.filter((p) => p.rule === "date/future")).toMatchObject([{ file: "_posts/2030/2030-01-01-future.md", severity: "info" }]);
  });

  it("shows drafts and scheduled posts, marked, in development", () => {
    const site = buildSite(loadContent(fixture()), DEVELOPMENT);
    const statuses = Object.fromEntries(site.posts.map((p) => [p.title, p.status]));
    expect(statuses).toMatchObject({ Future: "scheduled", Draft: "draft", First: "published" });
  });

  it("groups by category, tag (case-insensitively) and author", () => {
    const site = buildSite(loadContent(fixture()), PRODUCTION);
    const titles = (listing: { posts: { title: string }[] } | undefined) => listing?.posts.map((p) => p.title);
    expect(titles(site.categories.find((c) => c.key === "engineering"))).toEqual(["Third", "First"]);
    expect(site.categories.find((c) => c.key === "team")?.title).toBe("Team & Culture");
    expect(titles(site.tags.find((t) => t.key === "ci"))).toEqual(["Third", "Second", "First"]);
    expect(titles(site.authors.find((a) => a.key === "ada"))).toEqual(["Third", "First"]);
    expect(site.problems.filter((p) => p.rule === "taxonomy/similar-tag")).toMatchObject([{ file: "_posts/2024/2024-02-01-second.md", found: '"CI"' }]);
  });

  it("builds the route table: posts, paginated listings, archive, search, redirects", () => {
    const site = buildSite(loadContent(fixture()), PRODUCTION);
    const kinds = Object.fromEntries([...site.routes.entries()].map(([key, route]) => [key, route.kind]));
    expect(kinds).toMatchObject({
      "/blog/engineering/first": "post",
      "/blog": "listing",
      "/blog/page/2": "listing",
      "": "listing",
      "/blog/engineering": "listing",
      "/blog/tags/ci": "listing",
      "/blog/tags/ci/page/2": "listing",
      "/blog/authors/ada": "listing",
      "/blog/archive": "archive",
      "/blog/search": "search",
      "/old/third.html": "redirect",
    });
    expect(site.routes.has("/blog/page/3")).toBe(false);
    expect(listingPagePath(site.config, site.home, 2)).toBe("/blog/page/2/");
  });

  it("keeps the later post when two share a URL, and names both files", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2016/2016-05-01-training.md": post("title: Spring training\ncategory: team"),
      "_posts/2016/2016-09-01-training.md": post("title: Autumn training\ncategory: team"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    const route = site.routes.get(routeKey("/blog/team/training/"));
    expect(route?.kind === "post" && route.post.title).toBe("Autumn training");
    const [duplicate] = site.problems.filter((p) => p.rule === "permalink/duplicate");
    expect(duplicate?.message).toContain("_posts/2016/2016-05-01-training.md");
    expect(duplicate?.message).toContain("_posts/2016/2016-09-01-training.md");
  });

  it("makes a post with redirect_to (or al-folio's redirect) a page that forwards, still listed, and refuses a target that is no address", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-talk.md": post("title: Talk\ncategory: team\nredirect_to: https://talks.example.com/2024/"),
      "_posts/2024/2024-01-02-moved.md": post("title: Moved\ncategory: team\nredirect: /blog/team/talk/"),
      "_posts/2024/2024-01-03-bad.md": post("title: Bad\ncategory: team\nredirect_to: javascript:alert(1)"),
      "_posts/2024/2024-01-04-lost.md": post("title: Lost\ncategory: team\nredirect_to: /blog/nowhere/"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.routes.get(routeKey("/blog/team/talk/"))).toMatchObject({ kind: "redirect", to: "https://talks.example.com/2024/" });
    expect(site.routes.get(routeKey("/blog/team/moved/"))).toMatchObject({ kind: "redirect", to: "/blog/team/talk/" });
    expect(site.routes.get(routeKey("/blog/team/bad/"))).toMatchObject({ kind: "post" });
    expect(site.home.posts.map((p) => p.title)).toEqual(["Lost", "Bad", "Moved", "Talk"]);
    expect(site.problems).toMatchObject([
      { rule: "front-matter/type", file: "_posts/2024/2024-01-03-bad.md", line: 4, field: "redirect_to", found: '"javascript:alert(1)"' },
      { rule: "links/broken-internal", file: "_posts/2024/2024-01-04-lost.md", line: 4, field: "redirect_to", found: "/blog/nowhere/" },
    ]);
  });

  it("reports posts at one URL once per file, however many share it", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-a.md": post("title: A\npermalink: /blog/same/"),
      "_posts/2024/2024-01-02-b.md": post("title: B\npermalink: /blog/same/"),
      "_posts/2024/2024-01-03-c.md": post("title: C\npermalink: /blog/same/"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["C"]);
    const duplicates = site.problems.filter((p) => p.rule === "permalink/duplicate");
    expect(duplicates.map((p) => p.file)).toEqual(["_posts/2024/2024-01-03-c.md", "_posts/2024/2024-01-02-b.md", "_posts/2024/2024-01-01-a.md"]);
    expect(duplicates[1]?.message).toBe("_posts/2024/2024-01-02-b.md resolves to /blog/same/, as do _posts/2024/2024-01-03-c.md and _posts/2024/2024-01-01-a.md; only _posts/2024/2024-01-03-c.md is published (as in Jekyll, the later post wins)");
  });

  it("publishes no post or redirect at a URL the build writes itself, and says which file owns it", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-feed.md": post("title: Feed\ncategory: team\npermalink: /blog/feed.xml"),
      "_posts/2024/2024-01-02-chunk.md": post("title: Chunk\npermalink: /_next/static/chunks/app.js"),
      "_posts/2024/2024-01-03-category-feed.md": post("title: Category feed\ncategory: team\npermalink: /blog/team/feed.json"),
      "_posts/2024/2024-01-04-fine.md": post("title: Fine\ncategory: team\nredirect_from: [/sitemap.xml, /old/fine/]"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["Fine"]);
    const reserved = site.problems.filter((p) => p.rule === "permalink/reserved").sort((a, b) => a.file.localeCompare(b.file));
    expect(reserved).toMatchObject([
      { file: "_posts/2024/2024-01-01-feed.md", line: 4, field: "permalink", severity: "error", blocksBuild: true, found: "/blog/feed.xml" },
      { file: "_posts/2024/2024-01-02-chunk.md", found: "/_next/static/chunks/app.js", blocksBuild: true },
      { file: "_posts/2024/2024-01-03-category-feed.md", found: "/blog/team/feed.json", blocksBuild: true },
      { file: "_posts/2024/2024-01-04-fine.md", field: "redirect_from", found: "/sitemap.xml", blocksBuild: false },
    ]);
    expect(reserved[0]?.message).toContain("a site-wide feed");
    expect(reserved[2]?.message).toContain("the feed of the category at /blog/team/");
    expect(site.routes.get("/old/fine")?.kind).toBe("redirect");
    expect(site.routes.has("/sitemap.xml")).toBe(false);
  });
});

describe("the blog's own pages", () => {
  it("keep their URLs: a post there is not published, a category there gets no page, and both name the file", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-home.md": post("title: Home\npermalink: /blog/"),
      "_posts/2024/2024-01-02-archive.md": post("title: Archive\npermalink: /blog/archive/"),
      "_posts/2024/2024-01-03-page.md": post("title: Page\npermalink: /blog/page/7/"),
      "_posts/2024/2024-01-04-root.md": post("title: Root\npermalink: /"),
      "_posts/2024/2024-01-05-searching.md": post("title: Searching\ncategory: search"),
      "_posts/2024/2024-01-06-again.md": post("title: Again\ncategory: search"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["Again", "Searching"]);
    expect(site.problems.filter((p) => p.rule === "permalink/reserved").map((p) => [p.file, p.message.replace(/.*\((.*)\).*/, "$1")]).sort()).toEqual([
      ["_posts/2024/2024-01-01-home.md", "the index"],
      ["_posts/2024/2024-01-02-archive.md", "the archive page"],
      ["_posts/2024/2024-01-03-page.md", "a page of the index"],
      ["_posts/2024/2024-01-04-root.md", "the site root, which shows the index"],
    ]);
    expect(site.routes.get("/blog")).toMatchObject({ kind: "listing", listing: { kind: "home" } });
    expect(site.routes.get("")).toMatchObject({ kind: "listing", listing: { kind: "home" } });
    expect(site.routes.get("/blog/search")).toMatchObject({ kind: "search" });
    expect(site.problems.filter((p) => p.rule === "permalink/duplicate")).toMatchObject([{
      file: "_posts/2024/2024-01-05-searching.md", line: 3, field: "categories",
      message: 'the category page "search" would be at /blog/search/, which is the search page; it is not built',
    }]);
  });
});

describe("findRoute", () => {
  it("finds pages whose URL has non-ASCII characters from the percent-encoded segments Next.js passes", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-über-uns.md": post("title: Über uns\ncategory: team\ntags: [日本語]"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    const encoded = (path: string) => path.split("/").filter(Boolean).map(encodeURIComponent);
    expect(findRoute(site, encoded("/blog/tags/日本語/"))).toMatchObject({ kind: "listing", listing: { title: "日本語" } });
    expect(findRoute(site, encoded("/blog/team/über-uns/"))).toMatchObject({ kind: "post", post: { title: "Über uns" } });
    expect(findRoute(site, ["blog", "tags", "日本語"])?.kind).toBe("listing");
    expect(findRoute(site, ["blog", "tags", "%E6%97"])).toBeUndefined();
  });
});

describe("URLs without a trailing slash or extension", () => {
  it("are exported as name.html, as Jekyll writes them, and found from either segment form", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-handbook.md": post("title: Handbook\npermalink: /handbook/on-call\nredirect_from: [/oncall, /old/handbook/]"),
      "_posts/2023/2023-12-31-clash.md": post("title: Clash\npermalink: /handbook/on-call.html"),
      "_posts/2024/2024-01-03-legacy.md": post("title: Legacy\npermalink: /legacy.html"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(exportPathOf("/handbook/on-call")).toBe("/handbook/on-call.html");
    expect(exportPathOf("/blog/post/")).toBe("/blog/post/");
    expect(exportPathOf("/legacy.html")).toBe("/legacy.html");
    expect(findRoute(site, ["handbook", "on-call.html"])).toMatchObject({ kind: "post", post: { title: "Handbook" } });
    expect(findRoute(site, ["handbook", "on-call"])).toMatchObject({ kind: "post", post: { title: "Handbook" } });
    expect(findRoute(site, ["oncall.html"])).toMatchObject({ kind: "redirect", to: "/handbook/on-call" });
    expect(findRoute(site, ["old", "handbook"])).toMatchObject({ kind: "redirect" });
    // `/old/handbook/` is a folder's index: no `handbook.html` stands for it.
    expect(findRoute(site, ["old", "handbook.html"])).toBeUndefined();
    expect(findRoute(site, ["legacy.html"])).toMatchObject({ kind: "post", post: { title: "Legacy" } });
    // `/handbook/on-call` and `/handbook/on-call.html` are one file: the later post keeps it, as in Jekyll, and both files are named.
    expect(site.posts.map((p) => p.title)).toEqual(["Legacy", "Handbook"]);
    expect(site.problems.filter((p) => p.rule === "permalink/duplicate").map((p) => [p.file, p.line])).toEqual([
      ["_posts/2024/2024-01-01-handbook.md", 3], ["_posts/2023/2023-12-31-clash.md", 3],
    ]);
  });
});

describe("routes without pagination", () => {
  it("gives the site root the index's single page, with no links to pages that do not exist", () => {
    const root = makeSite({
      "_config.yml": `${BASIC_CONFIG}  enabled: false\n`,
      "_posts/2024/2024-01-01-a.md": post("title: A"),
      "_posts/2024/2024-01-02-b.md": post("title: B"),
      "_posts/2024/2024-01-03-c.md": post("title: C"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    const rootRoute = site.routes.get("");
    expect(rootRoute).toMatchObject({ kind: "listing", path: "/", page: 1, pageCount: 1 });
    expect(site.routes.has("/blog/page/2")).toBe(false);
  });
});

describe("URL clashes found in review", () => {
  it("does not publish a post at /blog/index.html, which is the index's own file", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "_posts/2024/2024-01-01-a.md": post("title: A\npermalink: /blog/index.html"), "_posts/2024/2024-01-02-b.md": post("title: B") });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["B"]);
    expect(site.problems.filter((p) => p.rule === "permalink/reserved")).toMatchObject([{ file: "_posts/2024/2024-01-01-a.md", blocksBuild: true, message: expect.stringContaining("URL /blog/ belongs to the blog's own pages") }]);
  });

  it("reports a static file at a post's URL, also a post written as name.html and served at /name", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "assets/x.png": "png", "assets/y.png.html": "<p>old</p>",
      "_posts/2024/2024-01-01-a.md": post("title: A\npermalink: /assets/x.png"),
      "_posts/2024/2024-01-02-b.md": post("title: B\npermalink: /assets/y.png"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.posts.map((p) => p.title)).toEqual(["B", "A"]);
    expect([...site.staticFiles.keys()]).toEqual([]);
    expect(site.problems.filter((p) => p.rule === "file/conflict").map((p) => [p.file, p.message]).sort()).toEqual([
      ["assets/x.png", "Not copied: the blog writes the page /assets/x.png at /assets/x.png"],
      ["assets/y.png.html", "Not copied: the blog writes the page /assets/y.png at /assets/y.png.html"],
    ]);
  });

  it("reports a static file named like a page's folder (`about` beside /about/)", () => {
    const root = makeSite({ "_config.yml": BASIC_CONFIG, "about": "plain text", "_posts/2024/2024-01-01-a.md": post("title: A\npermalink: /about/") });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect([...site.staticFiles.keys()]).toEqual([]);
    expect(site.problems.filter((p) => p.rule === "file/conflict")).toMatchObject([{ file: "about", message: "Not copied: the blog writes the page /about/ at /about" }]);
  });

  it("gives a redirect_from written by hand the URL a legacy pattern also gives another post", () => {
    const root = makeSite({
      "_config.yml": `${BASIC_CONFIG}redirect_permalinks: [/:year/:title.html]\n`,
      "_posts/2019/2019-01-01-intro.md": post("title: Intro"),
      "_posts/2024/2024-01-01-new-intro.md": post("title: New intro\nredirect_from: /2019/intro.html"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.routes.get("/2019/intro.html")).toMatchObject({ kind: "redirect", to: "/blog/new-intro/" });
    expect(site.problems.filter((p) => p.rule === "permalink/duplicate")).toEqual([]);
  });

  it("reports a redirect_from at another post's URL, or another post's redirect, instead of dropping it silently", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-a.md": post("title: A\npermalink: /same/\nredirect_from: [/old/, /old/]"),
      "_posts/2024/2024-01-02-b.md": post("title: B\nredirect_from: [/same/, /old/]"),
    });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.routes.get("/same")).toMatchObject({ kind: "post", post: { title: "A" } });
    expect(site.problems.filter((p) => p.rule === "permalink/duplicate").map((p) => [p.file, p.field, p.message])).toEqual([
      ["_posts/2024/2024-01-02-b.md", "redirect_from", "No redirect from /same/: that URL is the post _posts/2024/2024-01-01-a.md"],
      ["_posts/2024/2024-01-01-a.md", "redirect_from", "No redirect from /old/: that URL is already a redirect to /blog/b/ (redirect_from in _posts/2024/2024-01-02-b.md)"],
    ]);
  });

  it("builds none of a listing's pages when a post has the URL of its first", () => {
    const posts = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`_posts/2024/2024-01-0${n}-p${n}.md`, post(`title: P${n}\ncategory: engineering`)]));
    const root = makeSite({ "_config.yml": BASIC_CONFIG, ...posts, "_posts/2024/2024-02-01-clash.md": post("title: Clash\npermalink: /blog/engineering/") });
    const site = buildSite(loadContent(root), PRODUCTION);
    expect(site.routes.get("/blog/engineering")).toMatchObject({ kind: "post", post: { title: "Clash" } });
    expect([...site.routes.keys()].filter((key) => key.startsWith("/blog/engineering/page"))).toEqual([]);
    // Reported at the permalink that took the URL, not at a post the category page lists.
    expect(site.problems.filter((p) => p.rule === "permalink/duplicate")).toMatchObject([{
      file: "_posts/2024/2024-02-01-clash.md", line: 3, field: "permalink",
      message: 'The post\'s permalink /blog/engineering/ is the URL of the category page "Engineering", which is therefore not built',
    }]);
  });
});
