export declare const CITY: string;
export declare const COUNTY: string;
export declare const USERS: readonly { id: string; name: string; roles: string[]; unit: string; scope: Record<string, string>; label: { 'zh-CN': string; en: string } }[];
export declare function seedCounty(service: unknown): Promise<number>;
