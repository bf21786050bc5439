import { describe, expect, it } from "vitest";
import type { Route } from "@/lib/site";
import { routeKey } from "@/lib/site/routes";
import { seoFixtureSite } from "@/lib/testing/seo-fixture";
import { routeMetadata, siteMetadata } from "./metadata";

const site = seoFixtureSite();
const route = (path: string) => site.routes.get(routeKey(path)) as Route;
const FEEDS = {
  "application/atom+xml": [{ url: "/blog/feed.xml", title: "Fixture Blog (Atom)" }],
  "application/rss+xml": [{ url: "/blog/rss.xml", title: "Fixture Blog (RSS)" }],
  "application/feed+json": [{ url: "/blog/feed.json", title: "Fixture Blog (JSON Feed)" }],
};

describe("siteMetadata", () => {
  it("sets the title template, feeds and the site card for every page", () => {
    const metadata = siteMetadata(site);
    expect(metadata.title).toEqual({ default: "Fixture Blog", template: "%s | Fixture Blog" });
    expect(metadata.alternates?.types).toEqual(FEEDS);
    expect(metadata.openGraph).toMatchObject({ type: "website", siteName: "Fixture Blog", images: [{ url: "https://blog.example.org/og/site.png", width: 1200, height: 630 }] });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image" });
    // These also describe the 404 page, which has no URL of its own.
    expect((metadata.openGraph as { url?: unknown }).url).toBeUndefined();
  });
});

describe("routeMetadata", () => {
  it("makes a post an Open Graph article with dates, author pages, section, tags and its header image", () => {
    const metadata = routeMetadata(site, route("/blog/engineering/first/"));
    expect(metadata).toMatchObject({
      title: "First & foremost",
      description: expect.stringMatching(/^The first paragraph/),
      alternates: { canonical: "https://blog.example.org/blog/engineering/first/", types: FEEDS },
      openGraph: {
        type: "article",
        url: "https://blog.example.org/blog/engineering/first/",
        siteName: "Fixture Blog",
        publishedTime: "2023-12-31T23:00:00.000Z",
        modifiedTime: "2024-01-31T23:00:00.000Z",
        authors: ["https://blog.example.org/blog/authors/ada/"],
        section: "Engineering",
        tags: ["ci", "Tips & Tricks"],
        images: [{ url: "https://blog.example.org/assets/img/headers/first.png", width: 1, height: 1 }],
      },
      twitter: { card: "summary_large_image", title: "First & foremost", images: [{ url: "https://blog.example.org/assets/img/headers/first.png" }] },
    });
  });

  it("gives a post without a header image its generated card", () => {
    const metadata = routeMetadata(site, route("/blog/engineering/anonymous/"));
    expect(metadata.openGraph?.images).toEqual([{ url: expect.stringMatching(/\/og\/anonymous-[0-9a-f]{8}\.png$/), width: 1200, height: 630, alt: "Nobody wrote this" }]);
  });

  it("links a category page to its own feeds and describes listings as websites", () => {
    const metadata = routeMetadata(site, route("/blog/engineering/"));
    expect(metadata.title).toBe("Engineering");
    expect(metadata.openGraph).toMatchObject({ type: "website", url: "https://blog.example.org/blog/engineering/" });
    expect(metadata.alternates?.types?.["application/atom+xml"]).toEqual([
      { url: "/blog/feed.xml", title: "Fixture Blog (Atom)" },
      { url: "/blog/engineering/feed.xml", title: "Fixture Blog: Engineering (Atom)" },
    ]);
  });

  it("gives the site root the index's canonical URL, and keeps redirect pages out of the index", () => {
    expect(routeMetadata(site, route("/")).alternates?.canonical).toBe("https://blog.example.org/blog/");
    expect(routeMetadata(site, route("/old/first.html"))).toMatchObject({
      robots: { index: false },
      alternates: { canonical: "https://blog.example.org/blog/engineering/first/" },
    });
  });
});
