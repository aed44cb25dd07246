/**
 * Every built blueprint and playbook page has a "Page history" section, closed until opened, whose
 * first-published date is the front-matter one. Where the checkout has full history the section
 * lists the file's commits, its newest change matching what `git log` says for that one file (an
 * oracle independent of the build's single log over the folder); from a shallow clone, with no
 * git or for an uncommitted file it lists none and shows the last-reviewed date instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../src/lib/content/catalogue';
import { paths } from '../../src/lib/content/urls';
import type { Blueprint, Playbook } from '../../src/lib/schema';
import { validateContent } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { contentDir, readContentFiles } from '../../src/node/content-files';
import { parseHtml, type HtmlElement } from '../support/html';
import { distDir } from '../support/site-dir';

interface Page {
  /** The content file, relative to the project root. */
  file: string;
  sitePath: string;
  data: Blueprint | Playbook;
}

function builtContentPages(): Page[] {
  const { corpus } = validateContent(readContentFiles(process.cwd()).files, { parser: nativeMdxParser });
  return corpus.entries.flatMap((e): Page[] => {
    if (e.data === undefined) return [];
    if (e.kind === 'blueprint' && (e.data as Blueprint).status !== 'draft') return [{ file: e.file.path, sitePath: paths.blueprint(e.slug), data: e.data as Blueprint }];
    if (e.kind === 'playbook') return [{ file: e.file.path, sitePath: paths.playbook(e.slug), data: e.data as Playbook }];
    return [];
  });
}

/** The git in the content folder's checkout: 'full', 'shallow', or 'none' (no git, not a repository). */
function checkoutHistory(): 'full' | 'shallow' | 'none' {
  try {
    return execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: contentDir(process.cwd()), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'true' ? 'shallow' : 'full';
  } catch {
    return 'none';
  }
}

/** The day of the newest commit touching one file, in UTC, or undefined for a file never committed. */
function newestCommitDay(file: string): string | undefined {
  const out = execFileSync('git', ['log', '-1', '--no-merges', '--format=%cI', '--', file], { encoding: 'utf8' }).trim();
  return out ? new Date(out).toISOString().slice(0, 10) : undefined;
}

const text = (element: HtmlElement | null) => element?.textContent.replace(/\s+/g, ' ').trim();

describe('page history on blueprint and playbook pages', () => {
  const pages = builtContentPages();
  const history = checkoutHistory();
  const sections = new Map<string, HtmlElement | null>();

  beforeAll(async () => {
    for (const page of pages) {
      const dom = await parseHtml(readFileSync(join(distDir(), page.sitePath, 'index.html'), 'utf8'));
      sections.set(page.sitePath, dom.querySelector('details#page-history'));
    }
  });

  it('is on every blueprint and playbook page, closed, headed "Page history" and left out of search', () => {
    expect(pages.some((p) => p.sitePath.startsWith(paths.blueprints()))).toBe(true);
    expect(pages.some((p) => p.sitePath.startsWith(paths.playbooks()))).toBe(true);
    for (const page of pages) {
      const section = sections.get(page.sitePath);
      expect(section, `${page.sitePath} has no "Page history" section`).toBeTruthy();
      expect(section!.hasAttribute('open'), page.sitePath).toBe(false);
      expect(section!.hasAttribute('data-pagefind-ignore'), page.sitePath).toBe(true);
      expect(text(section!.querySelector('summary')), page.sitePath).toBe('Page history');
    }
  });

  it('gives the front-matter published date as first published', () => {
    for (const page of pages) {
      const row = sections.get(page.sitePath)!.querySelectorAll('.nhsuk-summary-list__row').find((r) => text(r.querySelector('dt')) === 'First published');
      expect(row?.querySelector('time')?.getAttributeValue('datetime'), page.sitePath).toBe(isoDate(page.data.published));
    }
  });

  it.runIf(history === 'full')('lists each committed file’s changes, the newest on the day git log gives for that file, in a checkout with full history', () => {
    let listed = 0;
    for (const page of pages) {
      const section = sections.get(page.sitePath)!;
      const newest = newestCommitDay(page.file);
      const items = section.querySelectorAll('[data-page-history-changes] li');
      const lastChanged = section.querySelectorAll('.nhsuk-summary-list__row').find((r) => text(r.querySelector('dt')) === 'Last changed');
      if (newest === undefined) {
        expect(items, `${page.file} is not committed, so its page lists no changes`).toHaveLength(0);
        continue;
      }
      listed++;
      expect(items.length, page.sitePath).toBeGreaterThan(0);
      expect(items.length, page.sitePath).toBeLessThanOrEqual(10);
      expect(items[0]!.querySelector('time')?.getAttributeValue('datetime'), page.sitePath).toBe(newest);
      expect(lastChanged?.querySelector('time')?.getAttributeValue('datetime'), page.sitePath).toBe(newest);
      for (const item of items) expect(text(item), page.sitePath).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}: \S/);
    }
    expect(listed, 'no built page had committed history').toBeGreaterThan(0);
  });

  it.runIf(history !== 'full')('lists no changes and shows the last-reviewed date in a shallow clone or without git', () => {
    for (const page of pages) {
      const section = sections.get(page.sitePath)!;
      expect(section.querySelectorAll('[data-page-history-changes] li'), page.sitePath).toHaveLength(0);
      const keys = section.querySelectorAll('dt').map((dt) => text(dt));
      expect(keys, page.sitePath).toEqual(['First published', 'Last reviewed']);
    }
  });
});
