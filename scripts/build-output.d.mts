export declare function createTrash(folder: string): { add(file: string): void; empty(): void };
export declare function listFolder(folder: string): string[];
export declare function removeStalePrerenders(folder: string, since: number): void;
export declare function moveFolder(from: string, to: string): void;
