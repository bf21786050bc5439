/** The pages of an export marked for the search index, sorted. */
export declare function indexablePages(dir: string): string[];
/** `postsPerIndex`: posts per Pagefind index (default 4,000, or BLOG_SEARCH_POSTS_PER_INDEX). */
export declare function buildSearchIndex(outDir: string, options?: { quiet?: boolean; postsPerIndex?: number; pages?: string[] }): boolean;
