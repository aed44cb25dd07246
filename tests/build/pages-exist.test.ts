/**
 * Every page the content calls for is in the built site: each built blueprint, playbook and
 * organisation, each taxonomy value, and the fixed pages. The expected list comes from the
 * content files (through the same reader and schemas as the build gate), the taxonomy's facets
 * and the routes in src/lib/content/urls.ts, never from a list written here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { validateContent } from '../../src/lib/validate';
import { facets, programmeStatuses, type FacetName } from '../../src/lib/schema/taxonomy';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from '../support/content';
import { distDir, served, unserved } from '../support/site-dir';
import { siteOrigin } from '../support/links';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

/** The file a site path is built to. */
function builtFileOf(path: string): string {
  return join(distDir(), path.endsWith('/') ? `${path}index.html` : path);
}

function missing(list: string[]): string[] {
  return list.filter((path) => !existsSync(builtFileOf(path)));
}

describe('the built site', () => {
  const content = expectedContent();

  it('has a page for every blueprint and redprint that is not a draft', () => {
    expect(content.blueprints.length).toBeGreaterThan(0);
    expect(missing(content.blueprints.map((b) => paths.blueprint(b.slug)))).toEqual([]);
  });

  it('has no page for a draft blueprint', () => {
    const files = readContentFiles(process.cwd()).files;
    const drafts = validateContent(files, { parser: nativeMdxParser }).corpus.entries.filter(
      (e) => e.kind === 'blueprint' && (e.data as { status?: string } | undefined)?.status === 'draft',
    );
    expect(drafts.map((d) => paths.blueprint(d.slug)).filter((p) => existsSync(builtFileOf(p)))).toEqual([]);
  });

  it('has a page for every playbook', () => {
    expect(content.playbooks.length).toBeGreaterThan(0);
    expect(missing(content.playbooks.map((p) => paths.playbook(p.slug)))).toEqual([]);
  });

  it('has a page for every organisation', () => {
    expect(content.organisations.length).toBeGreaterThan(0);
    expect(missing(content.organisations.map((o) => paths.organisation(o.slug)))).toEqual([]);
  });

  it('has a page for every template, and the templates index', () => {
    expect(content.templates.length).toBeGreaterThan(0);
    expect(missing([paths.templates(), ...content.templates.map((t) => paths.template(t.slug))])).toEqual([]);
  });

  it('has a page for every taxonomy facet and every value in it', () => {
    const expected = (Object.keys(facets) as FacetName[]).flatMap((facet) => [
      paths.facet(facet),
      ...facets[facet].terms.map((t) => paths.facetValue(facet, t.value)),
    ]);
    expect(missing(expected)).toEqual([]);
  });

  it('has a page for every national programme status', () => {
    expect(missing([paths.programmes(), ...programmeStatuses.map((s) => paths.programme(s.value))])).toEqual([]);
  });

  it('has the home, list, search, contribute, glossary, about, accessibility and open-data pages', () => {
    const fixed = [
      paths.home(), paths.blueprints(), paths.playbooks(), paths.organisations(), paths.glossary(),
      paths.search(), paths.contribute(), paths.about(), paths.accessibility(), paths.openData(),
    ];
    expect(missing(fixed)).toEqual([]);
  });

  it('has a 404 page, an RSS feed and a sitemap', () => {
    expect(missing(['/404.html', paths.rss(), paths.sitemap()])).toEqual([]);
  });

  it('has a robots.txt that lets every page be crawled and names the built sitemap', () => {
    const robots = readFileSync(builtFileOf(paths.robots()), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: *\S/m);
    // Crawlers need the sitemap's full address, on the site's own origin.
    const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]);
    expect(sitemaps).toEqual([new URL(served(paths.sitemap()), siteOrigin()).href]);
    expect(missing([unserved(new URL(sitemaps[0]!).pathname)!])).toEqual([]);
  });

  it('has a security.txt (RFC 9116) naming where to report a vulnerability, as SECURITY.md says, and when it expires', () => {
    const text = readFileSync(builtFileOf(paths.securityTxt()), 'utf8');
    const fields = new Map([...text.matchAll(/^([A-Za-z-]+): (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(text.trim().split('\n')).toHaveLength(fields.size);
    expect(fields.get('Contact')).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/security\/advisories\/new$/);
    expect(readFileSync('SECURITY.md', 'utf8')).toContain('private vulnerability reporting');
    expect(fields.get('Policy')).toMatch(/\/SECURITY\.md$/);
    expect(fields.get('Canonical')).toBe(new URL(served(paths.securityTxt()), siteOrigin()).href);
    // The RFC asks for an expiry less than a year ahead; the build sets it a year less a day after its
    // today (PUBLIC_TODAY when set, as for the review banners).
    const today = process.env.PUBLIC_TODAY ? Date.parse(`${process.env.PUBLIC_TODAY}T00:00:00Z`) : Date.now();
    const expires = Date.parse(fields.get('Expires')!);
    expect(expires).toBeGreaterThan(today);
    expect(expires - today).toBeLessThan(365 * 24 * 60 * 60 * 1000);
  });

  it('has an accessibility statement that, built without a gateway or the site team\'s address, sends a problem to GitHub and says what to do without it', () => {
    const html = readFileSync(builtFileOf(paths.accessibility()), 'utf8');
    expect(process.env.PUBLIC_GATEWAY_URL ?? '').toBe('');
    expect(process.env.PUBLIC_CONTACT_EMAIL ?? '').toBe('');
    expect(html).toContain('If you cannot use GitHub, ask a contributor from your organisation to raise it for you.');
    expect(html).not.toContain('mailto:');
    // As the regulations' model statement has them: how compliant it is, and where to go when an answer does not satisfy.
    expect(html).toContain('<h2>Compliance status</h2>');
    expect(html).toContain('This site is partially compliant with WCAG 2.2 level AA');
    expect(html).toContain('<h2>Enforcement procedure</h2>');
    expect(html).toContain('Equality Advisory and Support Service (EASS)');
  });

  it('has a privacy notice, linked from every page\'s footer, that built without a gateway says nothing of sending without a GitHub account', () => {
    const html = readFileSync(builtFileOf(paths.privacy()), 'utf8');
    expect(html).toContain('<h1>Privacy</h1>');
    expect(html).toContain('The site uses no cookies, no analytics and nothing from other websites');
    expect(html).not.toContain('Sending without a GitHub account');
    for (const path of [paths.home(), paths.blueprints(), paths.accessibility()]) {
      expect(readFileSync(builtFileOf(path), 'utf8'), path).toMatch(/<a class="nhsuk-footer__list-item-link" href="[^"]*\/privacy\/">Privacy<\/a>/);
    }
  });
});
