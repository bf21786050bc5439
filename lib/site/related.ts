import type { Listing, Site, SitePost } from "./model";

/**
 * Posts a reader of `post` is likely to want next: those sharing the most tags
 * (a shared tag weighs more than a shared category), then the closest in time.
 * Candidates come from the post's own tag and category listings, so the cost
 * depends on how related the site is, not on its size.
 */
export function relatedPosts(site: Site, post: SitePost, count = 3): SitePost[] {
  // al-folio's `related_posts: false` and Minimal Mistakes' `related: false` turn the list off for a post.
  if (count <= 0 || post.data.related_posts === false || post.data.related === false) return [];
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
  const before = (a: SitePost, scoreA: number, b: SitePost, scoreB: number) =>
    scoreA !== scoreB ? scoreA > scoreB : Math.abs(a.date.getTime() - time) < Math.abs(b.date.getTime() - time);
  // The best `count` in one pass: in a large blog a post has thousands of candidates, and every post page asks.
  const best: [SitePost, number][] = [];
  for (const [candidate, score] of scores) {
    if (best.length === count) {
      if (!before(candidate, score, ...best[count - 1]!)) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(candidate, score, ...best[at - 1]!)) at--;
    best.splice(at, 0, [candidate, score]);
  }
  return best.map(([candidate]) => candidate);
}
