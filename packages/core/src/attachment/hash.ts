import { InvalidArgumentError } from '../errors/errors.js';

/**
 * SHA-256 of a file's bytes as 64 lower-case hex digits, with Web Crypto (`crypto.subtle.digest`):
 * the same function in browsers and in Node, so a portal and its server agree on a file's hash.
 */
export async function sha256Of(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new InvalidArgumentError('sha256Of', 'data', { 'zh-CN': '此环境没有 Web Crypto（crypto.subtle），无法计算 SHA-256', en: 'needs Web Crypto (crypto.subtle) to compute SHA-256' }, data);
  let bytes: ArrayBuffer | Uint8Array;
  if (typeof Blob !== 'undefined' && data instanceof Blob) bytes = await data.arrayBuffer();
  else if (data instanceof ArrayBuffer || data instanceof Uint8Array) bytes = data;
  else throw new InvalidArgumentError('sha256Of', 'data', { 'zh-CN': '必须是 Blob、ArrayBuffer 或 Uint8Array', en: 'must be a Blob, ArrayBuffer or Uint8Array' }, data);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The first 12 hex digits of a hash, as widgets show it (`3a7bd3e2360a…`). */
export const hashPrefix = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** A size in bytes as people read it: `812 B`, `45.3 KB`, `2.4 MB`. */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
