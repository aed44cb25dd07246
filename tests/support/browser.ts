/**
 * Starts the system's Chromium through playwright-core (Playwright cannot download its own
 * browser here) and opens pages that can only talk to 127.0.0.1: every other request is aborted
 * and recorded, so a test can never leak a request off the machine, and can assert on it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** CHROMIUM_PATH, or Debian's /usr/bin/chromium (installed by .ci/run when missing). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Switches that keep the browser quiet and local: no GPU, no QUIC, no first-run, no background
 * updates or sync. Playwright refuses --user-data-dir in `args` and instead passes a fresh
 * temporary profile directory of its own on every launch (deleted on close), which is what we want.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 60_000 });
}

function isLocal(address: string): boolean {
  const { protocol, hostname } = new URL(address);
  return protocol === 'data:' || protocol === 'blob:' || protocol === 'about:' || hostname === '127.0.0.1';
}

export interface LocalPage {
  page: Page;
  context: BrowserContext;
  /** Addresses the page tried to reach off the machine (all were aborted). */
  blocked: string[];
  /** Local addresses that answered with an error status, e.g. "404 http://127.0.0.1:…/x.svg". */
  failed: string[];
  /** Uncaught exceptions and console errors, other than failed loads (which `blocked` and `failed` list). */
  errors: string[];
  close(): Promise<void>;
}

/** A new page in its own context, allowed to reach 127.0.0.1 only. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<LocalPage> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  const blocked: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  // Routed on the context so pop-ups and new tabs are covered too, not only the first page.
  await context.route('**/*', (route) => {
    const address = route.request().url();
    if (isLocal(address)) return route.continue();
    blocked.push(address);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return { page, context, blocked, failed, errors, close: () => context.close() };
}
