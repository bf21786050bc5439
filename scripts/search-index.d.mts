export declare function buildSearchIndex(outDir: string, options?: { quiet?: boolean }): boolean;
