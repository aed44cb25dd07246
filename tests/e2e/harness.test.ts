/**
 * The test harness itself: the static server behaves like GitHub Pages and the browser cannot
 * reach anything but 127.0.0.1. Uses a tiny site in a temporary folder, not dist/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'qa-harness-'));
  mkdirSync(join(root, 'guides'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Home</title><img src="https://example.org/tracker.png" alt=""><a href="guides/">Guides</a>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title><h1>Page not found</h1>');
  writeFileSync(join(root, 'guides', 'index.html'), '<!doctype html><title>Guides</title>');
  writeFileSync(join(root, 'site.css'), 'body { color: black }');
  writeFileSync(join(root, 'fragment.pf_fragment'), 'binary');
  writeFileSync(join(tmpdir(), 'qa-harness-secret.txt'), 'secret');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'qa-harness-secret.txt'), { force: true });
});

describe('the static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ root, base: '/' });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  it('answers a directory address with its index.html as HTML', async () => {
    const res = await fetch(server.url('/guides/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>Guides</title>');
  });

  it('gives stylesheets a CSS content type', async () => {
    const res = await fetch(server.url('/site.css'));
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves Pagefind index files as binary', async () => {
    const res = await fetch(server.url('/fragment.pf_fragment'));
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('redirects a directory address without its trailing slash', async () => {
    const res = await fetch(server.url('/guides'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/guides/');
  });

  it('answers a missing page with 404.html and status 404', async () => {
    const res = await fetch(server.url('/no-such-page/'));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });

  it('never serves a file from outside the built site', async () => {
    const res = await fetch(`${server.origin}/..%2fqa-harness-secret.txt`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
});

describe('the static server under a base path', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ root, base: '/blueprint-commons/' });
  });
  afterAll(() => server.close());

  it('serves the site under the base path', async () => {
    const res = await fetch(`${server.origin}/blueprint-commons/guides/`);
    expect(res.status).toBe(200);
  });

  it('answers 404 outside the base path', async () => {
    const res = await fetch(`${server.origin}/guides/`);
    expect(res.status).toBe(404);
  });

  it('puts the base path into addresses it builds', () => {
    expect(server.url('/guides/')).toBe(`${server.origin}/blueprint-commons/guides/`);
  });
});

describe('the browser', () => {
  it('aborts every request that would leave the machine, and records it', async () => {
    const server = await startStaticServer({ root, base: '/' });
    const browser = await launchBrowser();
    try {
      const { page, blocked } = await openPage(browser);
      await page.goto(server.url('/'));
      await page.getByRole('link', { name: 'Guides' }).click();
      await page.waitForURL(server.url('/guides/'));
      expect(blocked).toEqual(['https://example.org/tracker.png']);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
