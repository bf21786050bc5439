/**
 * `pages`: the pages to index, as paths relative to `outDir` (searchablePageFiles); by default, or when one
 * of them is not in the export, the pages of `outDir` that mark content for the index;
 * `postsPerIndex`: at most this many posts in memory at once (default 4,000, or BLOG_SEARCH_POSTS_PER_INDEX);
 * `splitFrom`: from this many posts on, one index per core (up to two), built at the same time (default 1,500).
 */
export declare function buildSearchIndex(outDir: string, options?: { quiet?: boolean; pages?: readonly string[]; postsPerIndex?: number; splitFrom?: number }): Promise<boolean>;
export declare function indexPlan(posts: number, postsPerIndex: number, options?: { cores?: number; splitFrom?: number }): { indexes: number; parallel: number };
