import type { Listing, Site, SitePost } from "./model";

/**
 * Posts a reader of `post` is likely to want next: those sharing the most tags
 * (a shared tag weighs more than a shared category), then the closest in time,
 * then the newer. Candidates come from the post's own tag and category
 * listings, so the cost depends on how related the site is, not on its size.
 */
export function relatedPosts(site: Site, post: SitePost, count = 3): SitePost[] {
  // al-folio's `related_posts: false` and Minimal Mistakes' `related: false` turn the list off for a post.
  if (count <= 0 || post.data.related_posts === false || post.data.related === false) return [];
  // Every post page asks, and in a large blog a post has thousands of candidates: scores are counted
  // in an array by position in site.posts, not in a Map keyed by post (10,000 synthetic posts: 0.30 to 0.05 ms a page).
  const { scores, times, listingIndexes } = scratchOf(site);
  const own = site.positions.get(post) ?? -1;
  const touched: number[] = [];
  const add = (listing: Listing | undefined, weight: number) => {
    if (!listing) return;
    for (const index of listingIndexes(listing)) {
      if (index === own) continue;
      if (scores[index] === 0) touched.push(index);
      scores[index] = scores[index]! + weight;
    }
  };
  for (const tag of post.tags) add(site.listings.get(`tag:${tag.slug}`), 3);
  for (const category of post.categories) add(site.listings.get(`category:${category.slug}`), 1);
  const time = post.date.getTime();
  // A total order: score, then distance in time, then position (newer first), as a full sort would give.
  const before = (a: number, b: number) =>
    scores[a] !== scores[b] ? scores[a]! > scores[b]! : Math.abs(times[a]! - time) !== Math.abs(times[b]! - time) ? Math.abs(times[a]! - time) < Math.abs(times[b]! - time) : a < b;
  // The best `count` in one pass, without sorting every candidate.
  const best: number[] = [];
  for (const candidate of touched) {
    if (best.length === count) {
      if (!before(candidate, best[count - 1]!)) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1]!)) at--;
    best.splice(at, 0, candidate);
  }
  for (const index of touched) scores[index] = 0;
  return best.map((index) => site.posts[index]!);
}

interface Scratch {
  /** Score by position in site.posts; all zero between calls. */
  scores: Int32Array;
  /** Date by position, in ms. */
  times: Float64Array;
  /** A listing's posts as positions in site.posts, worked out once per listing. */
  listingIndexes: (listing: Listing) => Int32Array;
}

const scratchBySite = new WeakMap<Site, Scratch>();

function scratchOf(site: Site): Scratch {
  let scratch = scratchBySite.get(site);
  if (!scratch) {
    const indexesByListing = new WeakMap<Listing, Int32Array>();
    scratch = {
      scores: new Int32Array(site.posts.length),
      times: Float64Array.from(site.posts, (p) => p.date.getTime()),
      listingIndexes: (listing) => {
        let indexes = indexesByListing.get(listing);
        if (!indexes) {
          // Listings hold site posts only; a post the site does not know could not be scored.
          indexes = Int32Array.from(listing.posts.map((p) => site.positions.get(p) ?? -1).filter((index) => index >= 0));
          indexesByListing.set(listing, indexes);
        }
        return indexes;
      },
    };
    scratchBySite.set(site, scratch);
  }
  return scratch;
}
