import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postId } from "@/lib/site";
import { BASIC_AUTHORS, BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { seoFixtureSite } from "@/lib/testing/seo-fixture";
import { cardText, ogCardContent, ogCardIds } from "./og-card";
import { SITE_CARD_ID } from "./share-image";

describe("cardText", () => {
  it("keeps what the card font can draw, spells accented letters plainly and drops the rest", () => {
    expect(cardText("Café – “quoted” · 5 €")).toBe("Café – “quoted” · 5 €");
    expect(cardText("GeeCON Kraków in Łódź")).toBe("GeeCON Kraków in Lódz");
    expect(cardText("Ship it 🚀 now")).toBe("Ship it now");
    expect(cardText("日本語 and Ελληνικά")).toBe("and");
    expect(cardText("two\nlines\t here")).toBe("two lines here");
  });
});

describe("ogCardContent", () => {
  const site = seoFixtureSite();

  it("shows a post's categories, title, authors, date and reading time", () => {
    const first = site.posts.find((p) => p.title === "First & foremost")!;
    expect(ogCardContent(site, postId(first))).toEqual({
      kicker: "Engineering",
      title: "First & foremost",
      lines: ["Ada Lovelace", "January 1, 2024 · 1 min read"],
      siteTitle: "Fixture Blog",
      host: "blog.example.org",
    });
  });

  it("has a site card and one card per published post without a header image, and none for others", () => {
    const withoutHeaderImage = site.posts.filter((post) => !post.image);
    expect(withoutHeaderImage.length).toBeLessThan(site.posts.length);
    expect(ogCardIds(site)).toEqual([SITE_CARD_ID, ...withoutHeaderImage.map(postId)]);
    expect(ogCardContent(site, SITE_CARD_ID)).toMatchObject({ title: "Fixture Blog", lines: ["Notes & news"] });
    // The draft's and the future post's real ids (from a build that shows them) have no card here.
    const hidden = seoFixtureSite({ drafts: true, future: true }).posts.filter((p) => p.status !== "published");
    expect(hidden.map((p) => p.title).sort()).toEqual(["Draft post", "Future post"]);
    for (const post of hidden) {
      expect(ogCardIds(site)).not.toContain(postId(post));
      expect(ogCardContent(site, postId(post))).toBeUndefined();
    }
  });
});

describe("GET /og/<id>.png", () => {
  const title = "Łódź, 東京 and 🚀: a card title long enough to wrap onto a second and maybe a third line";
  const root = makeSite({
    "_config.yml": BASIC_CONFIG,
    "_data/authors.yml": BASIC_AUTHORS,
    "_posts/2024/2024-01-01-card.md": post(`title: "${title}"\ncategory: engineering\nabout_authors: [ada, alan]`),
  });
  const fetches: string[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(() => {
    vi.stubEnv("BLOG_CONTENT_DIR", root);
    // The build must work offline: next/og would fetch fonts or emoji for glyphs the card font lacks.
    // (It loads its own WebAssembly from data: URLs, which is no network access.)
    vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith("data:")) return realFetch(input, init);
      fetches.push(url);
      return Promise.reject(new Error(`network access: ${url}`));
    });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it("renders a 1200x630 PNG without touching the network", async () => {
    const { GET, generateStaticParams } = await import("@/app/og/[id]/route");
    const params = generateStaticParams();
    expect(params).toHaveLength(2);
    const response = await GET(new Request("http://localhost/og/x.png"), { params: Promise.resolve(params[1]!) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(fetches).toEqual([]);
  });
});
