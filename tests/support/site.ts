/**
 * One static server and one browser per test file: call `useSite()` at the top of a file and
 * use what it returns inside the tests. Closing is handled in afterAll.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launchBrowser, openPage, type LocalPage } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

export interface Site {
  /** Full address of a site path, with the server's origin and the base path. */
  url(path: string): string;
  /** A fresh page (in its own context); closed after the file's tests if not closed before. */
  open(options?: BrowserContextOptions): Promise<LocalPage>;
  readonly origin: string;
}

export function useSite(): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const opened: LocalPage[] = [];

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.allSettled(opened.map((p) => p.close()));
    await browser?.close();
    await server?.close();
  });

  const ready = () => {
    if (!server || !browser) throw new Error('useSite() is only usable inside tests, after beforeAll has run.');
    return { server, browser };
  };

  return {
    url: (path) => ready().server.url(path),
    get origin() {
      return ready().server.origin;
    },
    async open(options) {
      const page = await openPage(ready().browser, options);
      opened.push(page);
      return page;
    },
  };
}
