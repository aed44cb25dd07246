/**
 * The MDX parser is passed to the validator, never switched by an import. The build's content gate
 * and `npm run validate` pass satteri (the parser Astro compiles with); the drafting form passes
 * remark in the browser. Both parsers must refuse every unsafe fixture for the same reasons and
 * accept the bundled content, and these tests show which parser each path really uses: the two
 * word a syntax error differently, so the message tells them apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentGate } from '../../src/integrations/content-gate';
import { readContentFiles } from '../../src/node/content-files';
import type { Problem } from '../../src/lib/validate';
import { remarkMdxParser } from '../../src/lib/validate/remark-parser';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';

const unsafeDir = 'tests/fixtures/unsafe';
const fixtures = readdirSync(unsafeDir).filter((f) => f.endsWith('.mdx')).sort();
const rulesOf = (problems: Problem[]) => [...new Set(problems.map((p) => p.field))].sort();

describe('the safety gate gives the same verdict with either parser', () => {
  for (const name of fixtures) {
    it(`refuses ${name.replace(/\.mdx$/, '').replace(/-/g, ' ')} for the same reason with satteri and remark`, () => {
      const source = readFileSync(`${unsafeDir}/${name}`, 'utf8');
      const native = checkMdxSource(name, source, nativeMdxParser);
      expect(native.length).toBeGreaterThan(0);
      expect(rulesOf(native)).toEqual(rulesOf(checkMdxSource(name, source, remarkMdxParser)));
    });
  }

  it('accepts every bundled content file with both', () => {
    const mdx = readContentFiles(process.cwd()).files.filter((f) => f.path.endsWith('.mdx'));
    expect(mdx.length).toBeGreaterThan(0);
    expect(mdx.flatMap((f) => checkMdxSource(f.path, f.source, nativeMdxParser))).toEqual([]);
    expect(mdx.flatMap((f) => checkMdxSource(f.path, f.source, remarkMdxParser))).toEqual([]);
  });

  it('accepts a comment but not code hidden after one, with both', () => {
    const head = '---\ntitle: x\n---\n\n';
    for (const parser of [nativeMdxParser, remarkMdxParser]) {
      expect(checkMdxSource('a.mdx', `${head}{/* a note for authors */}\n`, parser)).toEqual([]);
      expect(rulesOf(checkMdxSource('b.mdx', `${head}{/* note */ process.env.TOKEN}\n`, parser))).toEqual(['mdx-safety/expression']);
    }
  });
});

describe('which parser each path uses', () => {
  const broken = readFileSync(`${unsafeDir}/unclosed-component.mdx`, 'utf8');
  const messageWith = (parser: typeof nativeMdxParser) => checkMdxSource('x.mdx', broken, parser).find((p) => p.field === 'mdx-safety/syntax')!.message;
  const native = messageWith(nativeMdxParser);
  const remark = messageWith(remarkMdxParser);
  const root = mkdtempSync(join(tmpdir(), 'parser-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the two parsers word a syntax error differently (so the tests below can tell them apart)', () => {
    expect(native).not.toBe(remark);
  });

  it('npm run validate parses with satteri, the build parser', () => {
    const draft = join(root, 'draft.mdx');
    writeFileSync(draft, broken);
    let out = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', draft], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toContain(native);
    expect(out).not.toContain(remark);
  });

  it("the build's content gate parses with satteri", () => {
    const content = join(root, 'content');
    mkdirSync(join(content, 'blueprints'), { recursive: true });
    writeFileSync(join(content, 'blueprints', 'broken.mdx'), broken);
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = content;
    try {
      const hook = contentGate().hooks['astro:config:setup'] as (options: unknown) => void;
      const logger = { info() {}, error() {}, warn() {} };
      expect(() => hook({ config: { root: pathToFileURL(`${process.cwd()}/`) }, command: 'build', logger })).toThrow(native);
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
  });
});
