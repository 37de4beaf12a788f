import { chromium, type Browser } from 'playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../../chromium.mjs';

/** Debian's Chromium (or CHROME_PATH), headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A fresh profile folder, so that runs never share IndexedDB state. */
export function freshProfile(): string {
  return mkdtempSync(join(tmpdir(), 'bihuan-profile-'));
}

export const AXE_SOURCE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
