export declare function relocateFileLikePages(outDir: string): number;
export declare function stripClientRuntime(outDir: string, options?: { onIndexable?: (pages: string[]) => void }): { stripped: number; kept: number; errorPages: string[] };
export declare function publishFeeds(outDir: string): number;
export declare function finalizeExport(outDir: string): { feeds: number; staticFiles: number; moved: number; stripped: number; kept: number; errorPages: string[] };
export declare function publishStaticFiles(outDir: string): number;
export declare function placeFiles(outDir: string): { feeds: number; staticFiles: number; moved: number };
export declare function stripClientRuntimeInThreads(outDir: string, threads?: number): { indexable: Promise<string[]>; done: Promise<{ stripped: number; kept: number; errorPages: string[] }> };
