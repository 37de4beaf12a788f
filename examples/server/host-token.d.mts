export declare function issueToken(
  user: { id: string; name?: string; roles: readonly string[]; unit?: string; scope: Record<string, string> },
  secret: string | Uint8Array,
  options?: { expiresIn?: string },
): Promise<string>;
