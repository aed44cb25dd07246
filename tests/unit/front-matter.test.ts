/**
 * Scripts read front-matter with `parseSource` (the `yaml` package); Astro reads the same files
 * with js-yaml, through @astrojs/internal-helpers' parseFrontmatter for MDX. If the two ever
 * disagreed, the validator would pass a file the site then reads differently. After the schema
 * (which turns dates written either way into the same Date), both must give the same data.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
// @ts-expect-error js-yaml ships no types; it is the parser Astro uses for YAML data files.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/lib/content-files';
import { parseSource, parseYaml } from '../../src/lib/content/front-matter';
import { blueprintSchema, organisationSchema, playbookSchema } from '../../src/lib/schema';
import { kindOf } from '../../src/lib/validate';

const schemas = { blueprint: blueprintSchema, playbook: playbookSchema, organisation: organisationSchema } as const;
const files = readContentFiles(process.cwd()).filter((f) => (f.kind ?? kindOf(f.path)) as string in schemas);

describe('our front-matter reader agrees with Astro', () => {
  it('finds bundled blueprints and organisations to compare (and playbooks, when there are any)', () => {
    const kinds = new Set(files.map((f) => f.kind));
    expect(kinds).toContain('blueprint');
    expect(kinds).toContain('organisation');
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
