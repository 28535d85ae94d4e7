// Headless Chromium from Debian, driven by playwright-core (Playwright's own browser download is not
// reachable here).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

export async function launchChromium(): Promise<Browser> {
  // The global setup found or installed it (dev/chromium.ts).
  const executablePath = process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium';
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
