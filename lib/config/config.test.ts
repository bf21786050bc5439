import { describe, expect, it } from "vitest";
import { parseConfig } from "./index";

describe("feed settings", () => {
  it("default to Atom at /blog/feed.xml, RSS and JSON Feed next to it, 20 posts", () => {
    const { config } = parseConfig([{ file: "_config.yml", text: "title: x\n" }]);
    expect([config.feedPath, config.feedRssPath, config.feedJsonPath, config.feedLimit]).toEqual(["/blog/feed.xml", "/blog/rss.xml", "/blog/feed.json", 20]);
  });

  it("follow feed.path, and take their own paths and limit", () => {
    expect(parseConfig([{ file: "_config.yml", text: "feed:\n  path: /atom.xml\n" }]).config).toMatchObject({ feedPath: "/atom.xml", feedRssPath: "/rss.xml", feedJsonPath: "/feed.json" });
    expect(parseConfig([{ file: "_config.yml", text: "feed:\n  path: /news/rss.xml\n" }]).config.feedRssPath).toBe("/news/feed.rss.xml");
    const { config } = parseConfig([{ file: "_config.yml", text: "feed:\n  rss_path: /blog/index.rss\n  json_path: /blog/index.json\n  limit: 5\n" }]);
    expect(config).toMatchObject({ feedPath: "/blog/feed.xml", feedRssPath: "/blog/index.rss", feedJsonPath: "/blog/index.json", feedLimit: 5 });
  });

  it("stay at /feed.xml for a site that used jekyll-feed, where it wrote the feed", () => {
    expect(parseConfig([{ file: "_config.yml", text: "plugins:\n  - jekyll-feed\n" }]).config).toMatchObject({ feedPath: "/feed.xml", feedRssPath: "/rss.xml", feedJsonPath: "/feed.json" });
    expect(parseConfig([{ file: "_config.yml", text: "gems: [jekyll-feed]\n" }]).config.feedPath).toBe("/feed.xml");
    expect(parseConfig([{ file: "_config.yml", text: "plugins: [jekyll-feed]\nfeed:\n  path: /blog/atom.xml\n" }]).config.feedPath).toBe("/blog/atom.xml");
  });

  it("report a bad limit and fall back to the default", () => {
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "feed:\n  limit: 0\n" }]);
    expect(config.feedLimit).toBe(20);
    expect(problems).toMatchObject([{ rule: "config/invalid", field: "feed.limit" }]);
  });
});

describe("url", () => {
  it("left empty, as `jekyll new` writes it, is not set: no problem, the default origin", () => {
    for (const text of ['url: ""\nbaseurl: ""\n', "url:\n"]) {
      const { config, problems } = parseConfig([{ file: "_config.yml", text }]);
      expect(problems).toEqual([]);
      expect(config.url).toBe("http://localhost:3000");
    }
    expect(parseConfig([{ file: "_config.yml", text: "url: not a url\n" }]).problems).toMatchObject([{ rule: "config/invalid", field: "url" }]);
  });
});

describe("a setting written without a value (`timezone:`)", () => {
  it("is not set, as Jekyll reads nil: the default applies and nothing is reported", () => {
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "title:\ndescription:\ntimezone:\nlang:\ndate_locale:\npermalink:\nfuture:\nfeed:\nroutes:\n" }]);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ title: "Engineering Blog", timezone: "UTC", lang: "en", dateLocale: "en-US", permalink: "date", future: false, feedLimit: 20 });
  });
});

describe("baseurl (a site served under a path, as GitHub Pages project sites are)", () => {
  const baseOf = (text: string) => parseConfig([{ file: "_config.yml", text: `url: https://team.github.io\n${text}` }]);

  it("is a prefix with one leading slash and none at the end, and the root URL includes it", () => {
    for (const [value, expected] of [["/docs", "/docs"], ["docs/", "/docs"], ["/a/b//", "/a/b"], ['""', ""], ["/", ""], ["", ""], ["2024", "/2024"]] as const) {
      const { config, problems } = baseOf(`baseurl: ${value}\n`);
      expect(problems).toEqual([]);
      expect(config.baseurl).toBe(expected);
      expect(config.rootUrl).toBe(`https://team.github.io${expected}`);
    }
    expect(parseConfig([]).config.baseurl).toBe("");
  });

  it("reports a value that is not a path, with its line, and uses none", () => {
    for (const value of ["https://team.github.io/docs", "//cdn.example.com", "/docs?x=1", "/docs#top"]) {
      const { config, problems } = baseOf(`title: T\nbaseurl: "${value}"\n`);
      expect(config.baseurl).toBe("");
      expect(problems).toMatchObject([{ rule: "config/invalid", file: "_config.yml", line: 3, field: "baseurl", found: `"${value}"` }]);
      expect(problems[0]!.expected).toMatch(/URL path/);
    }
  });
});

describe("title", () => {
  it("falls back to `name`, as jekyll-seo-tag does, then to a default", () => {
    expect(parseConfig([{ file: "_config.yml", text: "name: Saverio's blog\n" }]).config.title).toBe("Saverio's blog");
    expect(parseConfig([{ file: "_config.yml", text: "title: T\nname: N\n" }]).config.title).toBe("T");
    expect(parseConfig([{ file: "_config.yml", text: "lang: en\n" }]).config.title).toBe("Engineering Blog");
  });
});

describe("permalink", () => {
  it("is the posts collection's when it has one, over the site's, as in Jekyll", () => {
    const text = "title: T\npermalink: pretty\ncollections:\n  posts:\n    permalink: /news/:year/:month/:day/:title/\n";
    expect(parseConfig([{ file: "_config.yml", text }]).config.permalink).toBe("/news/:year/:month/:day/:title/");
    expect(parseConfig([{ file: "_config.yml", text: "permalink: pretty\ncollections: { posts: { output: true } }\n" }]).config.permalink).toBe("pretty");
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "collections:\n  posts:\n    permalink: /:nope/\n" }]);
    expect(config.permalink).toBe("date");
    expect(problems).toMatchObject([{ rule: "config/invalid", line: 3, field: "collections.posts.permalink", found: '"/:nope/"' }]);
  });
});

describe("settings that pages print or build URLs from", () => {
  const parse = (text: string) => parseConfig([{ file: "_config.yml", text }]);
  it("take Jekyll's en_US locales, and refuse what no browser or formatter takes, with the line", () => {
    expect(parse("lang: en_US\ndate_locale: de_CH\n").config).toMatchObject({ lang: "en-US", dateLocale: "de-CH" });
    const { config, problems } = parse('title: T\nlang: "en\\"><script>"\ndate_locale: xx-INVALID-123\n');
    expect(config).toMatchObject({ lang: "en", dateLocale: "en-US" });
    expect(problems).toMatchObject([{ field: "lang", line: 2 }, { field: "date_locale", line: 3 }]);
  });

  it("refuse a url that is not http(s), a baseurl with `..`, and a title that is not text", () => {
    const { config, problems } = parse("url: javascript:alert(1)\nbaseurl: /../x\ntitle: {a: 1}\n");
    expect(config).toMatchObject({ url: "http://localhost:3000", baseurl: "", title: "Engineering Blog" });
    expect(problems.map((p) => [p.field, p.line]).sort()).toEqual([["baseurl", 2], ["title", 3], ["url", 1]]);
    expect(problems.find((p) => p.field === "title")!.message).toBe("Invalid setting `title`: must be a text; until it is fixed, the check goes on with the default");
    // An error that stops a build: the message does not say the default is used.
    expect(problems.every((p) => p.blocksBuild && p.severity === "error")).toBe(true);
    expect(parse("title: 2024\n").config.title).toBe("2024");
  });

  it("refuse a route pattern with an unknown placeholder or without its own, keeping the default", () => {
    const { config, problems } = parse("routes:\n  tag: /blog/:nope/\n  category: /blog/cats/\n  archive: /old/archive/\n");
    expect(config.routes).toMatchObject({ tag: "/blog/tags/:tag/", category: "/blog/:category/", archive: "/old/archive/" });
    expect(problems.map((p) => [p.field, p.line, p.message])).toEqual([
      ["routes.tag", 2, "Route pattern has an unknown placeholder :nope; the default is used"],
      ["routes.category", 3, "Route pattern lacks :category, so every category page would share one URL; the default is used"],
    ]);
  });
});

describe("bad settings", () => {
  it("report an unknown permalink placeholder once, at the config line, and fall back to the default", () => {
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "title: T\npermalink: /:foo/:title/\n" }]);
    expect(config.permalink).toBe("date");
    expect(problems).toMatchObject([{ rule: "config/invalid", line: 2, field: "permalink", found: '"/:foo/:title/"', blocksBuild: true }]);
    const typo = parseConfig([{ file: "_config.yml", text: "permalink: /:yaer/:title/\n" }]).problems;
    expect(typo).toMatchObject([{ field: "permalink", hint: expect.stringMatching(/^did you mean :year\? /) }]);
    const fixed = parseConfig([{ file: "_config.yml", text: "permalink: /posts/\n" }]);
    expect(fixed.config.permalink).toBe("date");
    expect(fixed.problems).toMatchObject([{ line: 1, field: "permalink", blocksBuild: true, message: "Permalink pattern has no placeholder, so every post would have the same URL" }]);
  });

  it("report a rule id that does not exist, and say what each bad value should be", () => {
    const { problems } = parseConfig([{ file: "_config.yml", text: "rules:\n  links/insecur: off\ntimezone: Mars/Base\n" }]);
    expect(problems).toMatchObject([
      { rule: "config/invalid", line: 2, field: "rules.links/insecur", hint: "did you mean `links/insecure`?" },
      { rule: "config/invalid", line: 3, field: "timezone", expected: "an IANA timezone such as Europe/Berlin or UTC" },
    ]);
  });
});
