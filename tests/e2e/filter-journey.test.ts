/**
 * A reader narrows the catalogue to one care setting and one domain, newest first, and opens a
 * result: on the search page with JavaScript, and on the taxonomy pages without it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { careSettings, domains, isListed, labelOf } from '../../src/lib/schema';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from '../support/content';
import { resultsList } from '../support/search-page';
import { useSite } from '../support/site';

type Blueprint = ReturnType<typeof expectedContent>['blueprints'][number];

const listed = (b: Blueprint) => isListed(b.data);

/** The care setting and domain that together cover the most listed blueprints, so there is something to sort. */
function busiestPair(): { setting: string; domain: string; matches: Blueprint[] } {
  const blueprints = expectedContent().blueprints.filter(listed);
  let best = { setting: '', domain: '', matches: [] as Blueprint[] };
  for (const s of careSettings) {
    for (const d of domains) {
      const matches = blueprints.filter((b) => b.data.careSettings.includes(s.value as never) && b.data.domain === d.value);
      if (matches.length > best.matches.length) best = { setting: s.value, domain: d.value, matches };
    }
  }
  if (best.matches.length < 2) throw new Error('No care setting and domain share two blueprints yet: the content is too thin for this journey.');
  return best;
}

/** Slugs of the blueprints a list links to, in page order. */
async function blueprintSlugs(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page.locator(`${scope} a[href*="/blueprints/"]`).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return hrefs.map((h) => h.match(/\/blueprints\/([a-z0-9-]+)\/$/)?.[1]).filter((s): s is string => !!s && s !== 'page');
}

function publishedOf(slug: string): number {
  const entry = expectedContent().blueprints.find((b) => b.slug === slug);
  if (!entry) throw new Error(`${slug} is linked but is not a blueprint in the content`);
  return entry.data.published.getTime();
}

function isNewestFirst(slugs: string[]): boolean {
  const dates = slugs.map(publishedOf);
  return dates.every((d, i) => i === 0 || dates[i - 1] >= d);
}

describe('a reader filtering blueprints', () => {
  const site = useSite();

  it('filters search by care setting and domain, sorts newest first and opens a result', async () => {
    const { setting, domain } = busiestPair();
    const { page, errors } = await site.open();
    await page.goto(site.url(paths.search()));

    for (const [legend, label] of [['Care setting', labelOf(careSettings, setting)], ['Domain', labelOf(domains, domain)]]) {
      // Long filter lists start folded in a <details>: open it as a reader would.
      const folded = page.locator('details:not([open])').filter({ has: page.locator('legend').getByText(legend, { exact: true }) });
      if (await folded.count()) await folded.locator('summary').click();
      const group = page.getByRole('group', { name: legend, exact: true });
      await group.getByRole('checkbox', { name: new RegExp(`^${label}\\b`) }).check();
    }
    await page.getByLabel('Sort by').selectOption({ label: 'Newest first' });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await resultsList(page).getByRole('listitem').first().waitFor();
    await expect.poll(() => resultsList(page).getAttribute('aria-busy')).toBe('false');

    const slugs = await blueprintSlugs(page, '[data-search-results]');
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const b = expectedContent().blueprints.find((x) => x.slug === slug)!;
      expect(b.data.careSettings, `${slug} does not have care setting ${setting}`).toContain(setting);
      expect(b.data.domain, `${slug} is not in domain ${domain}`).toBe(domain);
    }
    expect(isNewestFirst(slugs), `results are not newest first: ${slugs.join(', ')}`).toBe(true);

    const first = resultsList(page).getByRole('link').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(site.url(paths.blueprint(slugs[0])));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    expect(errors, "the page had script errors").toEqual([]);
  });

  it('browses the care setting and domain pages without JavaScript, newest first, and opens a blueprint on both', async () => {
    const { setting, domain, matches } = busiestPair();
    const { page } = await site.open({ javaScriptEnabled: false });
    const all = expectedContent().blueprints.filter(listed);

    await page.goto(site.url(paths.facetValue('careSettings', setting)));
    // The list itself, not the evidence roll-up above it, which links blueprints by strength of evidence.
    const bySetting = await blueprintSlugs(page, 'main .app-blueprint-list');
    expect(new Set(bySetting)).toEqual(new Set(all.filter((b) => b.data.careSettings.includes(setting as never)).map((b) => b.slug).slice(0, 50)));
    expect(isNewestFirst(bySetting), `not newest first: ${bySetting.join(', ')}`).toBe(true);

    await page.goto(site.url(paths.facetValue('domain', domain)));
    const byDomain = await blueprintSlugs(page, 'main .app-blueprint-list');
    expect(isNewestFirst(byDomain), `not newest first: ${byDomain.join(', ')}`).toBe(true);
    const both = byDomain.filter((s) => bySetting.includes(s));
    expect(new Set(both)).toEqual(new Set(matches.map((b) => b.slug)));

    const link = page.locator(`main a[href$="/blueprints/${both[0]}/"]`).first();
    const title = (await link.innerText()).replace(/^Redprint:\s*/, '').trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
  });
});
