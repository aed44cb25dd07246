/**
 * The build's content gate parses MDX with satteri, the parser Astro compiles with
 * (src/integrations/native-mdx.ts); `npm run validate` and the drafting form use remark. Both must
 * refuse every unsafe fixture for the same reason, and both must accept the bundled content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/lib/content-files';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import type { Problem } from '../../src/lib/validate';

const unsafeDir = 'tests/fixtures/unsafe';
const fixtures = readdirSync(unsafeDir).filter((f) => f.endsWith('.mdx')).sort();
const rulesOf = (problems: Problem[]) => [...new Set(problems.map((p) => p.field))].sort();

// What remark finds, worked out before the native parser is switched on.
const withRemark = new Map(fixtures.map((name) => [name, rulesOf(checkMdxSource(name, readFileSync(`${unsafeDir}/${name}`, 'utf8')))]));

describe('the safety gate with the native parser the build uses', () => {
  beforeAll(async () => {
    await import('../../src/integrations/native-mdx');
  });

  for (const name of fixtures) {
    it(`refuses ${name.replace(/\.mdx$/, '').replace(/-/g, ' ')} for the same reason as remark`, () => {
      const problems = checkMdxSource(name, readFileSync(`${unsafeDir}/${name}`, 'utf8'));
      expect(problems.length).toBeGreaterThan(0);
      expect(rulesOf(problems)).toEqual(withRemark.get(name));
    });
  }

  it('accepts every bundled content file', () => {
    const problems = readContentFiles(process.cwd())
      .filter((f) => f.path.endsWith('.mdx'))
      .flatMap((f) => checkMdxSource(f.path, f.source));
    expect(problems).toEqual([]);
  });

  it('accepts a comment but not code hidden after one', () => {
    const head = '---\ntitle: x\n---\n\n';
    expect(checkMdxSource('a.mdx', `${head}{/* a note for authors */}\n`)).toEqual([]);
    expect(rulesOf(checkMdxSource('b.mdx', `${head}{/* note */ process.env.TOKEN}\n`))).toEqual(['mdx-safety/expression']);
  });
});
