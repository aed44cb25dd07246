/**
 * Who paid for each blueprint, in the built site: its page says so at a glance and files it under
 * each source's page, and each source's page lists exactly the blueprints that name it. What to
 * look for comes from the content files, never from a list here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isListed, labelOf, fundingSources } from '../../src/lib/schema/taxonomy';
import { pagePath, pageSize } from '../../src/lib/content/paginate';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from '../support/content';
import { attr, decodeEntities, parseHtml } from '../support/html';
import { distDir, served } from '../support/site-dir';

const listed = expectedContent().blueprints.filter((b) => isListed(b.data));
const page = (path: string) => parseHtml(readFileSync(join(distDir(), path, 'index.html'), 'utf8'));
const text = (s: string | undefined) => decodeEntities(s ?? '').replace(/\s+/g, ' ').trim();

describe('funding on the built pages', () => {
  it('has bundled blueprints that say who paid, from several sources, to check', () => {
    expect(listed.filter((b) => b.data.funding.length > 0).length).toBeGreaterThan(listed.length / 2);
    expect(new Set(listed.flatMap((b) => b.data.funding)).size).toBeGreaterThan(3);
  });

  it('says who paid at a glance and links each source under "Filed under", on every listed blueprint', async () => {
    for (const b of listed) {
      const dom = await page(paths.blueprint(b.slug));
      const rows = dom.querySelectorAll('#key-facts .nhsuk-summary-list__row');
      const paid = rows.find((r) => text(r.querySelector('dt')?.textContent) === 'Paid for by');
      if (b.data.funding.length === 0) {
        expect(paid, b.slug).toBeUndefined();
        continue;
      }
      expect(text(paid?.querySelector('dd')?.textContent), b.slug).toBe(b.data.funding.map((f) => labelOf(fundingSources, f)).join(', '));
      const filed = dom.querySelectorAll('section[aria-labelledby="filed-under"] .nhsuk-summary-list__row').find((r) => text(r.querySelector('dt')?.textContent) === 'Funding');
      const links = (filed?.querySelectorAll('a') ?? []).map((a) => attr(a, 'href'));
      expect(links, b.slug).toEqual(b.data.funding.map((f) => served(paths.facetValue('funding', f))));
    }
  });

  it('lists on each source’s page the blueprints that name it, and only those', async () => {
    for (const source of fundingSources) {
      const named = listed.filter((b) => b.data.funding.includes(source.value));
      const linked = new Set<string | undefined>();
      // Every page of the list: a long one runs over more than one.
      for (let n = 1; n <= Math.max(1, Math.ceil(named.length / pageSize)); n++) {
        const dom = await page(pagePath(paths.facetValue('funding', source.value), n));
        for (const a of dom.querySelector('main')!.querySelectorAll('a[href]')) linked.add(attr(a, 'href'));
      }
      for (const b of listed) expect(linked.has(served(paths.blueprint(b.slug))), `${source.value} ${b.slug}`).toBe(named.includes(b));
    }
  });
});
