import { getRssString } from '@astrojs/rss';
import { parseEntities } from 'parse-entities';
import { describe, expect, it } from 'vitest';
import { organisationSchema, type Blueprint, type Organisation } from '../../src/lib/schema';
import type { Entry } from '../../src/lib/content/catalogue';
import { escapeHtml, feedItems } from '../../src/lib/content/feed';
import { illustrativeSentence } from '../../src/lib/content/illustrative';
import { blueprintEntry } from '../support/entries';

const blueprint = (slug: string, summary: string, extra: Record<string, unknown> = {}) =>
  blueprintEntry(slug, { title: 'Training ward staff before go-live', summary, organisation: 'real', ...extra });

const organisations: Record<string, Organisation> = {
  real: organisationSchema.parse({ name: 'A Real NHS Trust', odsCode: 'RXX', careSetting: 'acute', region: 'london', programme: 'none', description: 'A test organisation.' }),
  made: organisationSchema.parse({ name: 'Made Up NHS Trust', odsCode: 'X1A01', careSetting: 'acute', region: 'london', programme: 'none', description: 'A test organisation.', illustrative: true }),
};


/** Summaries a hostile contributor might write, each padded past the schema's 40-character minimum. */
const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">read more</a>',
  '"><img src=x onerror=alert(1)>',
  "'><iframe src=//evil.example>",
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;',
  ']]><img src=x onerror=alert(1)><![CDATA[',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<!-- --><img src=x onerror=alert(1)>',
  '<style>@import "//evil.example/x.css";</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<<img src=x onerror=alert(1)>>',
  '< img src=x onerror=alert(1) >',
  '&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;',
  'Cost fell by 30% & waits < 4 hours > target',
].map((s) => `${s} padded to pass the minimum summary length`);

/** The text of each <description> in an item, with XML's escapes undone: what a reader hands to its HTML renderer. */
function itemDescriptions(xml: string): string[] {
  return [...xml.matchAll(/<item>.*?<description>(.*?)<\/description>.*?<\/item>/gs)].map(([, text]) => decodeXml(text));
}

/** Undoes the XML character references in a feed element's text. */
function decodeXml(text: string): string {
  expect(text, 'the feed uses no CDATA sections').not.toContain('<![CDATA[');
  return parseEntities(text);
}

async function feedFor(entries: Entry<Blueprint>[]): Promise<string> {
  return getRssString({
    title: 'Test feed',
    description: 'Test feed',
    site: 'https://example.org/',
    items: feedItems(entries, (slug) => organisations[slug], '/'),
  });
}

describe('the RSS feed', () => {
  it('gives feed readers no markup in any description, whatever the summary holds', async () => {
    const xml = await feedFor(hostile.map((summary, i) => blueprint(`b${i}`, summary)));
    const descriptions = itemDescriptions(xml);
    expect(descriptions).toHaveLength(hostile.length);
    for (const html of descriptions) {
      // HTML without a "<" has no elements, comments or CDATA: nothing a reader could run or load.
      expect(html).not.toContain('<');
    }
  });

  it('shows each summary as the same text a reader would see on the page', async () => {
    const xml = await feedFor(hostile.map((summary, i) => blueprint(`b${i}`, summary)));
    const shown = itemDescriptions(xml).map((html) => parseEntities(html));
    expect(new Set(shown)).toEqual(new Set(hostile));
  });

  it('labels a made-up organisation’s blueprint in its description and categories', async () => {
    const [made, real] = feedItems(
      [blueprint('made', 'A summary of made-up work that is long enough to pass.', { organisation: 'made', illustrative: true, published: '2025-02-01' }), blueprint('real', 'A summary of real work that is long enough to pass.')],
      (slug) => organisations[slug],
      '/',
    );
    expect(made.description.startsWith(escapeHtml(illustrativeSentence))).toBe(true);
    expect(made.categories).toContain('illustrative');
    expect(real.description).not.toContain(escapeHtml(illustrativeSentence));
    expect(real.categories).not.toContain('illustrative');
  });

  it('labels a blueprint whose organisation is made up even if the blueprint forgot to say so', () => {
    const [item] = feedItems([blueprint('made', 'A summary of made-up work that is long enough to pass.', { organisation: 'made' })], (slug) => organisations[slug], '/');
    expect(item.description.startsWith(escapeHtml(illustrativeSentence))).toBe(true);
  });
});
