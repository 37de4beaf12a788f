// Screenshot against reference: pixelmatch (per-pixel colour distance, anti-aliasing ignored) on
// PNGs read and written with pngjs. References are 8-bit RGB PNGs, cropped to the story's box.
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Colour distance (0–1) under which two pixels count as equal; pixelmatch's default is 0.1. */
export const THRESHOLD = 0.1;
/** Pixels allowed to differ: enough for a stray anti-aliased dot, far below one clipped digit (~60). */
export const MAX_DIFF_PIXELS = 12;

export interface Comparison {
  ok: boolean;
  reason: string;
  diffPixels: number;
  diff?: Buffer;
}

/**
 * Drops the alpha channel and writes an 8-bit RGB PNG, losslessly made small: screenshots are flat
 * colour and repeated glyphs, which deflate finds best unfiltered (PNG filter 0) with its default
 * strategy. pngjs's defaults (adaptive filters, run-length strategy) wrote references a third larger
 * for the same pixels. The pixels are exactly the screenshot's (less its alpha, always opaque here).
 */
export function toReference(png: Buffer): Buffer {
  const img = PNG.sync.read(png);
  return PNG.sync.write(img, { colorType: 2, bitDepth: 8, inputHasAlpha: true, deflateLevel: 9, filterType: 0, deflateStrategy: 0 });
}

export function compare(actualPng: Buffer, referencePng: Buffer): Comparison {
  const a = PNG.sync.read(actualPng);
  const r = PNG.sync.read(referencePng);
  if (a.width !== r.width || a.height !== r.height) {
    return { ok: false, reason: `size ${a.width}×${a.height} px, reference ${r.width}×${r.height} px`, diffPixels: Number.NaN };
  }
  const out = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, r.data, out.data, a.width, a.height, { threshold: THRESHOLD });
  const ok = diffPixels <= MAX_DIFF_PIXELS;
  return { ok, diffPixels, reason: `${diffPixels} px differ (at most ${MAX_DIFF_PIXELS})`, diff: ok ? undefined : PNG.sync.write(out) };
}
