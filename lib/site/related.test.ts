import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { BASIC_AUTHORS, BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { buildSite, type Site, type SitePost } from "./model";
import { relatedPosts } from "./related";

const MODE = { drafts: false, future: false, now: new Date("2025-01-01T00:00:00Z") };

/** The definition relatedPosts implements: every candidate scored, all sorted. */
function byFullSort(site: Site, of: SitePost, count: number): string[] {
  const time = of.date.getTime();
  const score = (p: SitePost) =>
    3 * p.tags.filter((t) => of.tags.some((u) => u.slug === t.slug)).length +
    p.categories.filter((c) => of.categories.some((d) => d.slug === c.slug)).length;
  return site.posts
    .filter((p) => p !== of && score(p) > 0)
    .sort((a, b) => score(b) - score(a) || Math.abs(a.date.getTime() - time) - Math.abs(b.date.getTime() - time))
    .slice(0, count)
    .map((p) => p.title);
}

describe("relatedPosts", () => {
  // Tags and categories spread so that scores and time distances tie often.
  const tags = ["ci", "go", "rust", "sql", "ux"];
  const files: Record<string, string> = { "_config.yml": BASIC_CONFIG, "_data/authors.yml": BASIC_AUTHORS };
  for (let n = 0; n < 60; n++) {
    const day = String(1 + (n % 28)).padStart(2, "0");
    const month = String(1 + Math.floor(n / 28)).padStart(2, "0");
    const postTags = tags.filter((_, i) => (n * (i + 3)) % 7 < 3);
    files[`_posts/2024-${month}-${day}-p${n}.md`] = post(`title: P${n}\ncategory: ${n % 3 ? "engineering" : "team"}\ntags: [${postTags.join(", ")}]\nabout_authors: [ada]`);
  }
  const site = buildSite(loadContent(makeSite(files)), MODE);

  it("picks the posts sharing the most tags, then category, then the closest in time, as a full sort would", () => {
    expect(site.posts).toHaveLength(60);
    for (const of of site.posts) {
      for (const count of [1, 3, 5]) expect(relatedPosts(site, of, count).map((p) => p.title), `${of.title} × ${count}`).toEqual(byFullSort(site, of, count));
    }
  });

  it("asks for none, gets none", () => {
    expect(relatedPosts(site, site.posts[0]!, 0)).toEqual([]);
  });

  it("lists none for a post with related_posts: false (al-folio) or related: false (Minimal Mistakes)", () => {
    const of = site.posts[0]!;
    expect(relatedPosts(site, of)).toHaveLength(3);
    for (const key of ["related_posts", "related"]) expect(relatedPosts(site, { ...of, data: { ...of.data, [key]: false } })).toEqual([]);
  });
});
