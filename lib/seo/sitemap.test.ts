import { describe, expect, it } from "vitest";
import { seoFixtureSite } from "@/lib/testing/seo-fixture";
import { sitemapEntries } from "./sitemap";

describe("sitemapEntries", () => {
  const site = seoFixtureSite();
  const entries = sitemapEntries(site);
  const urls = entries.map((e) => e.url);

  it("lists every published post with its last change, and no draft or future post", () => {
    for (const post of site.posts) expect(urls).toContain(`https://blog.example.org${post.url}`);
    const first = entries.find((e) => e.url.endsWith("/blog/engineering/first/"));
    expect(first?.lastModified).toEqual(new Date("2024-01-31T23:00:00.000Z"));
    expect(urls.some((u) => /future|draft/.test(u))).toBe(false);
  });

  it("lists listing pages and the archive, but not the site root alias, the search page or redirects", () => {
    expect(urls).toEqual(expect.arrayContaining([
      "https://blog.example.org/blog/",
      "https://blog.example.org/blog/page/2/",
      "https://blog.example.org/blog/engineering/",
      "https://blog.example.org/blog/tags/ci/",
      "https://blog.example.org/blog/authors/ada/",
      "https://blog.example.org/blog/archive/",
    ]));
    expect(urls).not.toContain("https://blog.example.org/");
    expect(urls).not.toContain("https://blog.example.org/old/first.html");
    expect(urls).not.toContain("https://blog.example.org/blog/search/");
    const unlisted = [...site.routes.values()].filter((r) => r.kind === "redirect" || r.kind === "search").length;
    expect(entries).toHaveLength(site.routes.size - unlisted - 1);
  });

  it("leaves out a post with sitemap: false, as jekyll-sitemap does", () => {
    const [hidden, ...rest] = site.posts;
    const withHidden = { ...site, routes: new Map([...site.routes].map(([key, route]) => [key, route.kind === "post" && route.post === hidden ? { ...route, post: { ...hidden!, inSitemap: false } } : route])) };
    const hiddenUrls = sitemapEntries(withHidden).map((e) => e.url);
    expect(hiddenUrls).not.toContain(`https://blog.example.org${hidden!.url}`);
    for (const post of rest) expect(hiddenUrls).toContain(`https://blog.example.org${post.url}`);
  });
});
