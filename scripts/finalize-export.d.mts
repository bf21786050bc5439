export declare function relocateFileLikePages(outDir: string): number;
export declare function stripClientRuntime(outDir: string): { stripped: number; kept: number; errorPages: string[] };
export declare function publishFeeds(outDir: string): number;
export declare function finalizeExport(outDir: string): { feeds: number; staticFiles: number; moved: number; stripped: number; kept: number; errorPages: string[] };
export declare function publishStaticFiles(outDir: string): number;
export declare function placeFiles(outDir: string): { feeds: number; staticFiles: number; moved: number };
export declare function stripClientRuntimeInThread(outDir: string): Promise<{ stripped: number; kept: number; errorPages: string[] }>;
