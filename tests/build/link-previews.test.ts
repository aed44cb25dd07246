/**
 * Every page tells a link preview (Teams, Slack, email clients: the Open Graph protocol,
 * https://ogp.me) the same title, description and address as its own head says, so a blueprint
 * shared with a colleague shows its title and summary rather than the site's name alone.
 */
import { describe, expect, it } from 'vitest';
import { illustrativeSentence } from '../../src/lib/content/illustrative';
import { site } from '../../src/site';
import { builtPages, onePageOf, readPage } from '../support/pages';
import { expectedContent } from '../support/content';
import { decodeEntities } from '../support/html';

/** The head's tags, read from the page as built (Astro writes each attribute in double quotes). */
function head(html: string) {
  const top = html.slice(0, html.indexOf('</head>'));
  const tag = (pattern: RegExp) => top.match(pattern)?.[0];
  const value = (element: string | undefined, name: string) => {
    const found = element?.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    return found === undefined ? undefined : decodeEntities(found);
  };
  const meta = (key: string, name: string) => value(tag(new RegExp(`<meta [^>]*${key}="${name}"[^>]*>`)), 'content');
  return {
    title: decodeEntities(top.match(/<title>([^<]*)<\/title>/)![1]),
    description: meta('name', 'description'),
    canonical: value(tag(/<link [^>]*rel="canonical"[^>]*>/), 'href'),
    og: {
      siteName: meta('property', 'og:site_name'), title: meta('property', 'og:title'), description: meta('property', 'og:description'),
      url: meta('property', 'og:url'), type: meta('property', 'og:type'), locale: meta('property', 'og:locale'),
    },
    card: meta('name', 'twitter:card'),
  };
}

describe('link previews', () => {
  it('every page gives the title, description and address its head already gives', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(100);
    const wrong = pages.flatMap((page) => {
      const h = head(readPage(page));
      const title = h.title.endsWith(` – ${site.name}`) ? h.title.slice(0, -` – ${site.name}`.length) : h.title;
      const problems = [
        h.og.siteName !== site.name && 'og:site_name',
        h.og.title !== title && 'og:title',
        (!h.og.description || h.og.description !== h.description) && 'og:description',
        h.og.url !== h.canonical && 'og:url',
        h.og.type !== 'website' && 'og:type',
        h.og.locale !== 'en_GB' && 'og:locale',
        h.card !== 'summary' && 'twitter:card',
      ].filter(Boolean);
      return problems.length ? [`${page.path}: ${problems.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("a blueprint's preview is its own title and summary, at its full address", () => {
    const page = onePageOf('blueprint');
    const entry = expectedContent().blueprints.find((b) => page.path.endsWith(`/${b.slug}/`))!;
    const h = head(readPage(page));
    expect(h.og.title).toBe(entry.data.title);
    // An illustrative blueprint's description says so first, so a preview never passes made-up figures off as real.
    expect(h.og.description).toBe(entry.data.illustrative ? `${illustrativeSentence} ${entry.data.summary}` : entry.data.summary);
    expect(h.og.url).toMatch(new RegExp(`^https?://[^/]+/(.+/)?blueprints/${entry.slug}/$`));
  });

  it('the 404 page, which is not indexed, names no address of its own', () => {
    expect(head(readPage(onePageOf('404'))).og.url).toBeUndefined();
  });
});
