/**
 * Adoption lineage in the built site: every adoption record and every adaptedFrom link in the
 * content appears on the pages it belongs to, an abandoned adoption invites a redprint, and each
 * blueprint page links to the "We are using this" form with the blueprint filled in. What to look
 * for comes from the content files, never from a list here.
 */
import { describe, expect, it } from 'vitest';
import { adoptionStatus, displayTitle } from '../../src/lib/content/catalogue';
import { paths } from '../../src/lib/content/urls';
import { adoptionPageQuestions } from '../../src/lib/contribute/adoption-questions';
import { adoptionFormFile } from '../../src/lib/contribute/issue-form-files';
import { expectedContent } from '../support/content';
import { attr, decodeEntities, parseHtml, type HtmlElement } from '../support/html';
import { distDir } from '../support/site-dir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const content = expectedContent();
const listed = new Map(content.blueprints.filter((b) => b.data.status === 'published' || b.data.status === 'needs-review').map((b) => [b.slug, b.data]));
const organisationName = new Map(content.organisations.map((o) => [o.slug, o.data.name]));

async function section(path: string, heading: string): Promise<HtmlElement | null> {
  const dom = await parseHtml(readFileSync(join(distDir(), path, 'index.html'), 'utf8'));
  return dom.querySelector(`section[aria-labelledby="${heading}"]`);
}
const text = (element: HtmlElement | null) => decodeEntities(element?.textContent ?? '').replace(/\s+/g, ' ');

describe('adoption lineage on the built pages', () => {
  const records = content.adoptions.filter((a) => listed.has(a.data.blueprint));

  it('has adoption records and adaptedFrom links in the bundled content to check', () => {
    expect(records.length).toBeGreaterThan(0);
    expect(content.blueprints.some((b) => b.data.adaptedFrom.length > 0)).toBe(true);
  });

  it('shows each adoption on the blueprint’s page with its organisation and stage, and counts the organisations', async () => {
    for (const [slug] of listed) {
      const mine = records.filter((r) => r.data.blueprint === slug);
      const lineage = text(await section(paths.blueprint(slug), 'lineage-heading'));
      for (const r of mine) expect(lineage, `${slug} ← ${r.slug}`).toContain(`${organisationName.get(r.data.organisation)} Illustrative example: ${adoptionStatus(r.data)}`.replace(/ Illustrative example/, r.data.illustrative ? ' Illustrative example' : ''));
      const adapters = new Set([...mine.map((r) => r.data.organisation), ...content.blueprints.filter((b) => listed.has(b.slug) && b.data.adaptedFrom.some((s) => s.blueprint === slug)).map((b) => b.data.organisation)]);
      if (adapters.size) expect(lineage, slug).toContain(`Adapted by ${adapters.size} organisation${adapters.size === 1 ? '' : 's'}`);
      else expect(lineage, slug).toContain('No other organisation has said it is using this yet.');
    }
  });

  it('shows each adaptedFrom link on both blueprints’ pages, with what changed', async () => {
    for (const b of content.blueprints.filter((x) => listed.has(x.slug))) {
      for (const source of b.data.adaptedFrom) {
        // Headings and list items run together in textContent, so compare without spaces.
        const squash = (t: string) => t.replace(/\s+/g, '');
        const adapted = squash(text(await section(paths.blueprint(b.slug), 'lineage-heading')));
        expect(adapted, b.slug).toContain(squash(`Adapted from ${displayTitle(listed.get(source.blueprint)!)}`));
        expect(adapted, b.slug).toContain(squash(`What changed: ${source.changes}`));
        expect(squash(text(await section(paths.blueprint(source.blueprint), 'lineage-heading'))), source.blueprint).toContain(squash(`Adapted into ${displayTitle(b.data)}`));
      }
    }
  });

  it('invites a redprint exactly where an adoption was abandoned', async () => {
    const abandoned = new Set(records.filter((r) => r.data.stage === 'abandoned').map((r) => r.data.blueprint));
    expect(abandoned.size).toBeGreaterThan(0);
    for (const [slug] of listed) {
      const invitation = (await section(paths.blueprint(slug), 'lineage-heading'))?.querySelector('[data-redprint-invitation] a');
      expect(Boolean(invitation), slug).toBe(abandoned.has(slug));
      if (invitation) expect(attr(invitation, 'href')).toMatch(/\/contribute\/$/);
    }
  });

  it('links every blueprint page to the "We are using this" form with the blueprint filled in', async () => {
    const form = adoptionFormFile.split('/').pop();
    for (const [slug] of listed) {
      const link = [...((await section(paths.blueprint(slug), 'lineage-heading'))?.querySelectorAll('a') ?? [])].find((a) => text(a) === 'We are using this');
      const address = new URL(decodeEntities(attr(link!, 'href') ?? ''));
      expect(address.pathname, slug).toMatch(/\/issues\/new$/);
      expect(address.searchParams.get('template')).toBe(form);
      expect(address.searchParams.get('blueprint')).toBe(slug);
    }
  });

  it('builds the "We are using this" page, whose form asks every adoption question and, without a gateway, opens the issue form', async () => {
    const dom = await parseHtml(readFileSync(join(distDir(), paths.weAreUsingThis(), 'index.html'), 'utf8'));
    const form = dom.querySelector('adoption-form form')!;
    expect(attr(form, 'method')).toBe('get');
    expect(new URL(attr(form, 'action')!).pathname).toMatch(/\/issues\/new$/);
    expect(attr(form.querySelector('input[name="template"]')!, 'value')).toBe(adoptionFormFile.split('/').pop());
    for (const q of adoptionPageQuestions) expect(form.querySelector(`[name="${q.id}"]`), q.id).not.toBeNull();
    // The bundled build has no gateway: nothing on the page offers to send without GitHub.
    expect(dom.querySelector('gateway-send')).toBeNull();
    expect(dom.querySelector('[data-check]')).toBeNull();
  });

  it('lists on each organisation’s page what it adopted, and who took up its blueprints', async () => {
    for (const r of records) {
      const blueprint = listed.get(r.data.blueprint)!;
      expect(text(await section(paths.organisation(r.data.organisation), 'adopted-heading')), r.slug).toContain(`${displayTitle(blueprint)} Illustrative example: ${adoptionStatus(r.data)}`.replace(' Illustrative example', r.data.illustrative ? ' Illustrative example' : ''));
      expect(text(await section(paths.organisation(blueprint.organisation), 'taken-up-heading')), r.slug).toContain(`${organisationName.get(r.data.organisation)}: ${adoptionStatus(r.data)}`);
    }
  });
});
