/**
 * The content gate and scripts read front-matter with `parseSource` (js-yaml's YAML 1.2 core
 * schema, the `yaml` package for positions and errors); Astro reads the same files with js-yaml's
 * default schema, through @astrojs/internal-helpers' parseFrontmatter for MDX. If the two ever
 * disagreed, the validator would pass a file the site then reads differently. After the schema
 * (which turns dates written either way into the same Date), both must give the same data.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
// @ts-expect-error js-yaml ships no types; it is the parser Astro uses for YAML data files.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { parseSource, parseYaml, readSourceData } from '../../src/lib/content/front-matter';
import { blueprintSchema, organisationSchema, playbookSchema, templateSchema } from '../../src/lib/schema';
import { kindOf } from '../../src/lib/validate';

const schemas = { blueprint: blueprintSchema, playbook: playbookSchema, organisation: organisationSchema, template: templateSchema } as const;
const files = readContentFiles(process.cwd()).files.filter((f) => (f.kind ?? kindOf(f.path)) as string in schemas);

describe('our front-matter reader agrees with Astro', () => {
  it('finds bundled blueprints and organisations to compare (and playbooks, when there are any)', () => {
    const kinds = new Set(files.map((f) => f.kind));
    expect(kinds).toContain('blueprint');
    expect(kinds).toContain('organisation');
    expect(kinds).toContain('template');
  });

  for (const file of files) {
    it(`reads ${file.path} the same way`, () => {
      const schema = schemas[file.kind as keyof typeof schemas];
      const isYaml = /\.ya?ml$/.test(file.path);
      const ours = isYaml ? parseYaml(file.source) : parseSource(file.source);
      expect(ours.error).toBeUndefined();
      const astros = isYaml ? yaml.load(file.source) : parseFrontmatter(file.source).frontmatter;
      expect(schema.parse(ours.data)).toEqual(schema.parse(astros));
    });
  }

  it('finds the same body as Astro', () => {
    for (const file of files.filter((f) => f.path.endsWith('.mdx'))) {
      expect(parseSource(file.source).body.trim(), file.path).toBe(parseFrontmatter(file.source).content.trim());
    }
  });

  it('would notice a disagreement: js-yaml reads an unquoted date as a Date, ours as text', () => {
    const source = '---\npublished: 2024-01-15\n---\n';
    expect((parseSource(source).data as { published: unknown }).published).toBe('2024-01-15');
    expect(parseFrontmatter(source).frontmatter.published).toBeInstanceOf(Date);
  });
});

describe('reading YAML', () => {
  it('reads plain front-matter, keeping dates and "A&E" as text', () => {
    const parsed = parseSource('---\ntitle: A&E triage & streaming\npublished: 2024-01-15\ntags: [a, b]\n---\nBody\n');
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual({ title: 'A&E triage & streaming', published: '2024-01-15', tags: ['a', 'b'] });
  });

  it('points at a field in the file', () => {
    const parsed = parseSource('---\ntitle: One\noutcome:\n  headline: Two\n---\n');
    expect(parsed.positionOf(['outcome', 'headline'])).toEqual({ line: 4, column: 3 });
  });

  it('refuses anchors and aliases, which no author needs and which allow "billion laughs" inputs', () => {
    const parsed = parseYaml('a: &x [1, 2]\nb: *x\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.error?.message).toMatch(/could not be read|syntax error/);
    // However they are written, straight after a flow mapping's colon included, where js-yaml reads them.
    for (const text of ['a: {"k":&x [1, 2]}\nb: {"k":*x}\n', 'a: ["x", {"k":&y ["lol", "lol"]}]\nb: [{"k":*y}, {"k":*y}]\n']) {
      expect(parseYaml(text).data, text).toBeUndefined();
    }
    // The "billion laughs" in that form: refused in one pass, long before it could fill the memory.
    const levels = ['a0: {"k":&a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]}'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: {"k":&a${i} [${Array(10).fill(`{"k":*a${i - 1}}`).join(', ')}]}`);
    const laughs = parseSource(`---\ntitle: Laughs\n${levels.join('\n')}\n---\n`);
    expect(laughs.data).toBeUndefined();
    expect(laughs.error).toBeDefined();
  });

  it('refuses a field given twice, saying where', () => {
    const parsed = parseSource('---\ntitle: One\ntitle: Two\n---\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.error).toMatchObject({ line: 3 });
    expect(parsed.error?.message).toMatch(/unique|duplicate/i);
  });

  it('says where a syntax error is', () => {
    const parsed = parseSource('---\ntitle: One\nsummary: [unclosed\n---\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.error?.message).toMatch(/YAML syntax error/);
    expect(parsed.error?.line).toBeGreaterThanOrEqual(3);
  });
});

describe('reading a file with js-yaml alone, as the browser does', () => {
  it('gives the same fields and body as the full reader for every bundled file with front-matter', () => {
    const files = readContentFiles(process.cwd()).files.filter((f) => /\.mdx?$/.test(f.path));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const full = parseSource(file.source);
      expect(readSourceData(file.source), file.path).toEqual({ data: full.data, body: full.body });
    }
  });

  it('refuses aliases and tags, which the full reader checks with its own parser, and says what is wrong with the rest', () => {
    const aliased = { error: 'has YAML aliases (*name), which a file written by the site never has' };
    expect(readSourceData('---\na: &x [1, 2]\nb: *x\n---\n')).toEqual(aliased);
    expect(readSourceData('---\na: &x long text here\nb: [*x, *x, *x, *x, *x]\n---\n')).toEqual(aliased);
    // The "billion laughs": nine levels of ten aliases each, refused in one pass over nine lists.
    const laughs = ['a: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    expect(readSourceData(`---\n${laughs.join('\n').replace(/^a: /, 'a0: ')}\n---\n`)).toEqual(aliased);
    expect(readSourceData('---\ntitle: Stars * and & signs, *emphasis* too\n---\n')).toEqual({ data: { title: 'Stars * and & signs, *emphasis* too' }, body: '' });
    expect(readSourceData('---\na: !!binary aGk=\n---\n')).toHaveProperty('error');
    expect(readSourceData('---\na: [1\n---\n')).toEqual({ error: expect.stringMatching(/^has front-matter that could not be read: /) });
    expect(readSourceData('---\n- a\n---\n')).toEqual({ error: 'has front-matter that is not fields written as key: value' });
    expect(readSourceData('no fences')).toEqual({ error: parseSource('no fences').error!.message });
  });
});
