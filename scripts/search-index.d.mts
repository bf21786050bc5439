/** `postsPerIndex`: posts per Pagefind index (default 4,000, or BLOG_SEARCH_POSTS_PER_INDEX). */
export declare function buildSearchIndex(outDir: string, options?: { quiet?: boolean; postsPerIndex?: number }): boolean;
