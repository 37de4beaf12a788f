export declare function pgliteVersion(): string;
export declare function pgliteSeedFile(version?: string): string;
export declare function pgliteSeed(): Promise<Blob | undefined>;
export declare function makePgliteSeed(): Promise<{ file: string; bytes: number; tarBytes: number }>;
