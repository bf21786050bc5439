import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonLd as JsonLdScript } from "@/components/json-ld";
import type { SitePost } from "@/lib/site";
import { HOSTILE_TITLE, seoFixtureSite } from "@/lib/testing/seo-fixture";
import { postJsonLd, routeJsonLd, serializeJsonLd, type JsonLd } from "./json-ld";

const site = seoFixtureSite();
const byTitle = (title: string) => site.posts.find((p) => p.title === title) as SitePost;
const graph = (data: JsonLd) => data["@graph"] as JsonLd[];

describe("postJsonLd", () => {
  it("describes a post as a BlogPosting with dates, authors with their pages, image, publisher and keywords", () => {
    const data = postJsonLd(site, byTitle("First & foremost"));
    expect(data["@context"]).toBe("https://schema.org");
    const [posting, crumbs] = graph(data);
    expect(posting).toMatchObject({
      "@type": "BlogPosting",
      headline: "First & foremost",
      url: "https://blog.example.org/blog/engineering/first/",
      datePublished: "2023-12-31T23:00:00.000Z",
      dateModified: "2024-01-31T23:00:00.000Z",
      author: [{ "@type": "Person", name: "Ada Lovelace", url: "https://blog.example.org/blog/authors/ada/" }],
      image: { "@type": "ImageObject", url: "https://blog.example.org/assets/img/headers/first.png" },
      publisher: { "@type": "Organization", name: "Fixture Blog", url: "https://blog.example.org" },
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://blog.example.org/blog/engineering/first/" },
      keywords: "ci, Tips & Tricks",
      articleSection: ["Engineering"],
    });
    expect(crumbs).toMatchObject({
      "@type": "BreadcrumbList",
      itemListElement: [
        { position: 1, name: "Fixture Blog", item: "https://blog.example.org/blog/" },
        { position: 2, name: "Engineering", item: "https://blog.example.org/blog/engineering/" },
        { position: 3, name: "First & foremost", item: "https://blog.example.org/blog/engineering/first/" },
      ],
    });
  });

  it("uses the generated card when a post has no header image", () => {
    const [posting] = graph(postJsonLd(site, byTitle("Nobody wrote this")));
    expect(posting?.image).toMatchObject({ url: expect.stringMatching(/^https:\/\/blog\.example\.org\/og\/anonymous-[0-9a-f]{8}\.png$/), width: 1200, height: 630 });
    expect(posting?.author).toEqual([]);
  });
});

describe("routeJsonLd", () => {
  it("makes the index a Blog listing the posts on its page, other listings and the archive CollectionPages, redirects nothing", () => {
    const kinds = [...site.routes.values()].map((route) => {
      const data = routeJsonLd(site, route);
      return `${route.path} ${data ? String(data["@type"] ?? graph(data)[0]?.["@type"]) : "-"}`;
    });
    expect(kinds).toContain("/blog/ Blog");
    expect(kinds).toContain("/blog/engineering/ CollectionPage");
    expect(kinds).toContain("/blog/archive/ CollectionPage");
    expect(kinds).toContain("/blog/engineering/first/ BlogPosting");
    const home = [...site.routes.values()].find((r) => r.path === "/blog/")!;
    expect((routeJsonLd(site, home)?.blogPost as JsonLd[]).map((p) => p.headline)).toEqual(site.posts.slice(0, 2).map((p) => p.title));
  });
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of: a title with </script> and <!-- stays inside the script element", () => {
    const json = serializeJsonLd(postJsonLd(site, byTitle(HOSTILE_TITLE)));
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain("<!--");
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    // Still the same data for a JSON-LD reader.
    expect((graph(JSON.parse(json))[0] as JsonLd).headline).toBe(HOSTILE_TITLE);
  });

  it("renders as one script element whose text is that JSON", () => {
    const data = postJsonLd(site, byTitle(HOSTILE_TITLE));
    const html = renderToStaticMarkup(createElement(JsonLdScript, { data }));
    expect(html).toBe(`<script type="application/ld+json">${serializeJsonLd(data)}</script>`);
    expect(html.match(/<\/script/g)).toHaveLength(1);
  });

  it("escapes line and paragraph separators too", () => {
    expect(serializeJsonLd({ a: "x\u2028y\u2029z & w" })).toBe('{"a":"x\\u2028y\\u2029z \\u0026 w"}');
  });
});
