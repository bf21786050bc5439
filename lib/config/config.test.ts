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

  it("report a bad limit and fall back to the default", () => {
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "feed:\n  limit: 0\n" }]);
    expect(config.feedLimit).toBe(20);
    expect(problems).toMatchObject([{ rule: "config/invalid", field: "feed.limit" }]);
  });
});

describe("Jekyll settings the blog does not apply", () => {
  it("report a baseurl with its line, and say how to deploy instead", () => {
    const { problems } = parseConfig([{ file: "_config.yml", text: "title: T\nbaseurl: /docs\n" }]);
    expect(problems).toMatchObject([{ rule: "config/unsupported", severity: "warning", file: "_config.yml", line: 2, field: "baseurl", found: '"/docs"' }]);
    expect(parseConfig([{ file: "_config.yml", text: 'baseurl: ""\n' }]).problems).toEqual([]);
  });
});

describe("bad settings", () => {
  it("report an unknown permalink placeholder once, at the config line, and fall back to the default", () => {
    const { config, problems } = parseConfig([{ file: "_config.yml", text: "title: T\npermalink: /:foo/:title/\n" }]);
    expect(config.permalink).toBe("date");
    expect(problems).toMatchObject([{ rule: "config/invalid", line: 2, field: "permalink", found: '"/:foo/:title/"', blocksBuild: true }]);
  });

  it("report a rule id that does not exist, and say what each bad value should be", () => {
    const { problems } = parseConfig([{ file: "_config.yml", text: "rules:\n  links/insecur: off\ntimezone: Mars/Base\n" }]);
    expect(problems).toMatchObject([
      { rule: "config/invalid", line: 2, field: "rules.links/insecur", hint: "did you mean `links/insecure`?" },
      { rule: "config/invalid", line: 3, field: "timezone", expected: "an IANA timezone such as Europe/Berlin or UTC" },
    ]);
  });
});
