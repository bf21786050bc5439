import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_MESSAGE } from "@/lib/testing/site-fixture";

if (!HAS_CORPUS) console.warn(`lib/corpus.test.ts: ${NO_CORPUS_MESSAGE}`);

describe.skipIf(!HAS_CORPUS)("the ePages corpus (../shared/corpus/devblog)", () => {
  const content = HAS_CORPUS ? loadContent(CORPUS_DIR) : undefined;

  it("parses the front matter of every post without a blocking problem", () => {
    expect(content!.posts.length).toBe(209);
    expect(content!.problems.filter((p) => p.blocksBuild)).toEqual([]);
  });

  it("resolves every post's category display name and authors", () => {
    for (const post of content!.posts) {
      expect(post.categories.length, post.source).toBeGreaterThan(0);
      expect(Object.values(content!.config.categoryNames), post.source).toContain(post.categories[0]!.name);
      expect(post.authors.length, post.source).toBeGreaterThan(0);
    }
  });

  it("publishes every post at its Jekyll URL, keeping the later of the one duplicate pair", () => {
    const site = buildSite(content!, { drafts: false, future: false, now: new Date() });
    const duplicates = site.problems.filter((p) => p.rule === "permalink/duplicate");
    expect(duplicates).toHaveLength(2);
    expect(duplicates[0]!.message).toContain("/blog/events/app-development-epages-partner-training-in-hamburg/");
    const postRoutes = [...site.routes.values()].filter((r) => r.kind === "post");
    expect(postRoutes).toHaveLength(208);
    for (const route of postRoutes) expect(route.path).toMatch(/^\/blog\/[a-z-]+\/[^/]+\/$/);
  });
});
