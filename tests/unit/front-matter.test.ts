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
import { parseSource, parseYaml } from '../../src/lib/content/front-matter';
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
