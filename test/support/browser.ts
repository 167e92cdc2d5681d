// Tests hand callbacks to page.evaluate/waitForFunction that run in the page, so the test
// type-check needs the DOM's types (the build of the product code still has none).
/// <reference lib="dom" />
// Debian's headless Chromium driven by playwright-core (never a browser download: the test set-up
// installs the `chromium` package). Flags: no sandbox (CI runs as root), and no background
// networking, which this machine's closed network would refuse over and over.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { PACKAGE_ROOT } from '../../agent/version.js';

export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of the main screens, for people to look at (not compared by the tests). */
export const SCREENSHOT_DIR = join(PACKAGE_ROOT, 'test-output', 'screenshots');

export async function launchBrowser(t: Test): Promise<Browser> {
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .catch((err: Error) => {
      throw new Error(`cannot start Chromium at ${CHROMIUM} (run bash test/setup/install-test-tools.sh): ${err.message}`);
    });
  t.teardown(() => browser.close());
  return browser;
}

/** A fresh page (own storage) that fails the test on any script error or CSP violation in it. */
export async function openPage(t: Test, browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => t.fail(`script error in the page: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/.test(m.text())) t.fail(`console error in the page: ${m.text()}`);
  });
  t.teardown(() => context.close());
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
