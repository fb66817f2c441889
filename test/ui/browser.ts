/**
 * Debian's Chromium (scripts/tools/install-chromium.sh), headless, driven by puppeteer-core, which
 * downloads no browser. A fresh profile per run; everything that phones home is switched off, and
 * the only page it opens is n8n on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The viewport the issue was seen at. */
export const VIEWPORT = { width: 1600, height: 1000 } as const;

export interface UiBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<UiBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/tools/install-chromium.sh as root`);
  const profile = await mkdtemp(join(tmpdir(), 'ecomail-ui-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    defaultViewport: VIEWPORT,
    protocolTimeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
