export function freePort(): Promise<number>;
export function startCluster(): Promise<{ url: string; stop(): void }>;
export function withDatabase(url: string, name: string): string;
