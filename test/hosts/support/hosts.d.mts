export declare const REPO: string;
export declare const HOSTS: string;
export declare function packTarballs(dir: string): { core: string; widgets: string };
export declare function prepareHosts(): { root: string; tarballs: { core: string; widgets: string }; installMs: number };
export declare function buildHost(root: string, name: string, env?: Record<string, string>): string;
export declare function shippedFiles(dist: string): string[];
export declare function buildHostAsync(root: string, name: string, env?: Record<string, string>): Promise<string>;
export declare function runAsync(command: string, args: string[], cwd: string, env?: Record<string, string>): Promise<string>;
