import type { Listing, Site, SitePost } from "./model";

/**
 * Posts a reader of `post` is likely to want next: those sharing the most tags
 * (a shared tag weighs more than a shared category), then the closest in time.
 * Candidates come from the post's own tag and category listings, so the cost
 * depends on how related the site is, not on its size.
 */
export function relatedPosts(site: Site, post: SitePost, count = 3): SitePost[] {
  const scores = new Map<SitePost, number>();
  const add = (kind: Listing["kind"], keys: readonly string[], weight: number) => {
    for (const key of keys) {
      for (const candidate of site.listings.get(`${kind}:${key}`)?.posts ?? []) {
        if (candidate !== post) scores.set(candidate, (scores.get(candidate) ?? 0) + weight);
      }
    }
  };
  add("tag", post.tags.map((t) => t.slug), 3);
  add("category", post.categories.map((c) => c.slug), 1);
  const time = post.date.getTime();
  return [...scores.entries()]
    .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || Math.abs(a.date.getTime() - time) - Math.abs(b.date.getTime() - time))
    .slice(0, count)
    .map(([candidate]) => candidate);
}
