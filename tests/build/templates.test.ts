/**
 * Every template is in the built site: a page, a Word file that opens and can carry nothing that
 * runs, and a CSV file for each register; the pages' download links name each file's type and
 * true size. Expected templates come from the content files, never from a list written here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/content/urls';
import { isListed } from '../../src/lib/schema';
import { downloadFormats, formatsOf, formatSize, maxDownloadBytes } from '../../src/lib/templates/downloads';
import { examplePrefix } from '../../src/lib/templates/rows';
import { expectedContent } from '../support/content';
import { parseCsv } from '../support/csv';
import { openDocx } from '../support/docx';
import { attr, decodeEntities, parseHtml } from '../support/html';
import { distDir, served } from '../support/site-dir';

const { templates, blueprints } = expectedContent();
const built = (path: string) => join(distDir(), path.endsWith('/') ? `${path}index.html` : path);

/** The download links on a built page: where each goes, its type attribute and its text. */
async function downloadLinks(path: string) {
  const dom = await parseHtml(readFileSync(built(path), 'utf8'));
  return dom
    .querySelectorAll('a[download]')
    .map((a) => ({ href: attr(a, 'href')!, type: attr(a, 'type'), text: decodeEntities(a.textContent).replace(/\s+/g, ' ').trim() }));
}

describe('the templates in the built site', () => {
  it('include some to check', () => {
    expect(templates.length).toBeGreaterThan(0);
  });

  it('each have a page, and an index page links to every one', () => {
    expect(templates.filter((t) => !existsSync(built(paths.template(t.slug))))).toEqual([]);
    const index = readFileSync(built(paths.templates()), 'utf8');
    for (const t of templates) expect(index, t.slug).toContain(`href="${served(paths.template(t.slug))}"`);
  });

  it('each have a Word file, registers a CSV file too, and nothing else is written', () => {
    for (const t of templates) {
      for (const format of Object.keys(downloadFormats) as (keyof typeof downloadFormats)[]) {
        expect(existsSync(built(paths.templateFile(t.slug, format))), `${t.slug}.${format}`).toBe(formatsOf(t.data).includes(format));
      }
    }
  });

  it.each(templates.map((t) => [t.slug, t] as const))('%s: its page offers each file by type and true size', async (slug, t) => {
    const links = await downloadLinks(paths.template(slug));
    expect(links).toEqual(
      formatsOf(t.data).map((format) => ({
        href: served(paths.templateFile(slug, format)),
        type: downloadFormats[format].mediaType.split(';')[0],
        text: `Download ${t.data.title} as ${downloadFormats[format].name} (${formatSize(statSync(built(paths.templateFile(slug, format))).size)})`,
      })),
    );
  });

  it.each(templates.map((t) => [t.slug, t] as const))('%s: its Word file opens, under the size cap, with no macros, embedded objects or external links', (slug, t) => {
    const file = built(paths.templateFile(slug, 'docx'));
    expect(statSync(file).size).toBeLessThanOrEqual(maxDownloadBytes);
    const docx = openDocx(readFileSync(file));
    expect(Object.keys(docx.parts).filter((name) => /vbaProject|vbaData|activeX|embeddings\/|oleObject/i.test(name))).toEqual([]);
    expect(docx.part('[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject|oleObject|activeX/i);
    expect(docx.part('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    const rels = Object.keys(docx.parts).filter((name) => name.endsWith('.rels')).map(docx.part).join('\n');
    expect(rels).not.toMatch(/TargetMode="External"/);
    expect(docx.paragraphs[0]).toEqual({ style: 'Title', text: t.data.title });
    expect(docx.paragraphs.some((p) => p.text.endsWith(served(paths.template(slug))))).toBe(true);
  });

  it.each(templates.filter((t) => t.data.kind === 'register').map((t) => [t.slug, t] as const))('%s: its CSV file has the columns first and marks every example row', (slug, t) => {
    const text = readFileSync(built(paths.templateFile(slug, 'csv')), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(t.data.columns.map((c) => c.name));
    expect(rows).toHaveLength(t.data.examples.length);
    for (const row of rows) expect(row[0].startsWith(examplePrefix)).toBe(true);
  });

  it('are linked, with their downloads, from every blueprint that lists them in artefacts', async () => {
    const linking = blueprints.filter((b) => b.data.artefacts.length > 0);
    expect(linking.length).toBeGreaterThan(0);
    for (const b of linking) {
      const page = readFileSync(built(paths.blueprint(b.slug)), 'utf8');
      const links = await downloadLinks(paths.blueprint(b.slug));
      for (const slug of b.data.artefacts) {
        expect(page, `${b.slug} → ${slug}`).toContain(`href="${served(paths.template(slug))}"`);
        expect(links.map((l) => l.href), `${b.slug} → ${slug}`).toContain(served(paths.templateFile(slug, 'docx')));
      }
      expect(links).toHaveLength(b.data.artefacts.flatMap((slug) => formatsOf(templates.find((t) => t.slug === slug)!.data)).length);
    }
  });

  it('each list the listed blueprints that use them', () => {
    for (const t of templates) {
      const page = readFileSync(built(paths.template(t.slug)), 'utf8');
      const users = blueprints.filter((b) => b.data.artefacts.includes(t.slug) && isListed(b.data));
      for (const b of users) expect(page, `${t.slug} ← ${b.slug}`).toContain(`href="${served(paths.blueprint(b.slug))}"`);
    }
  });

  it('are offered on each playbook when the listed blueprints its steps cite list them in artefacts, and only then', async () => {
    const { playbooks } = expectedContent();
    const listed = new Map(blueprints.filter((b) => isListed(b.data)).map((b) => [b.slug, b]));
    let offered = 0;
    for (const p of playbooks) {
      const cited = [...new Set(p.data.steps.flatMap((s) => s.blueprints))].flatMap((slug) => listed.get(slug) ?? []);
      const expected = templates.filter((t) => cited.some((b) => b.data.artefacts.includes(t.slug))).map((t) => served(paths.template(t.slug))).sort();
      const dom = await parseHtml(readFileSync(built(paths.playbook(p.slug)), 'utf8'));
      const heading = dom.querySelector('h2#templates');
      const shown = dom.querySelectorAll('h2#templates ~ ul h3 a').map((a) => attr(a, 'href')!).sort();
      expect(shown, p.slug).toEqual(expected);
      if (expected.length > 0) {
        expect(decodeEntities(heading!.textContent).trim(), p.slug).toBe('Templates you can adapt');
        expect(dom.querySelector('.nhsuk-contents-list a[href="#templates"]'), p.slug).not.toBeNull();
      }
      offered += expected.length;
    }
    expect(offered, 'no playbook reaches a template').toBeGreaterThan(0);
  });

  it('are in the sitemap', () => {
    const sitemap = readFileSync(join(distDir(), 'sitemap-0.xml'), 'utf8');
    for (const path of [paths.templates(), ...templates.map((t) => paths.template(t.slug))]) expect(sitemap, path).toContain(`${served(path)}</loc>`);
  });
});
