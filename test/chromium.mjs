// How every test and bench launches Debian's Chromium (or CHROME_PATH): headless, with the flags
// this closed network needs (without the background-networking ones Chromium keeps dialling out).
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright launch options for that Chromium. */
export const chromiumLaunchOptions = () => ({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
