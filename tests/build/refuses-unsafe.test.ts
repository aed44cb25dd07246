/**
 * The build itself refuses unsafe or broken content: the content gate stops `astro build` before
 * any MDX is compiled, naming the file and the rule, and nothing is published for that file.
 *
 * Each case copies the bundled content (plus the fixture organisations the fixtures name) into a
 * temporary folder, adds one bad file, and builds with CONTENT_DIR, OUT_DIR and CACHE_DIR pointing
 * there, so it never touches dist/ or another build's cache. A handful of representative unsafe
 * files keep the time down; tests/unit/validate-mdx-safety.test.ts covers every one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Builds the bundled content plus extra blueprints; returns the exit status, all output and the first one's page. */
function buildWith(fixture: string, command: 'astro' | 'npm', companions: string[] = []) {
  const work = mkdtempSync(join(tmpdir(), 'refuses-unsafe-'));
  made.push(work);
  const content = join(work, 'content');
  cpSync('src/content', content, { recursive: true });
  for (const org of readdirSync('tests/fixtures/valid/organisations')) {
    cpSync(join('tests/fixtures/valid/organisations', org), join(content, 'organisations', org));
  }
  const name = fixture.split('/').pop()!;
  for (const file of [fixture, ...companions]) cpSync(file, join(content, 'blueprints', file.split('/').pop()!));
  const outDir = join(work, 'dist');
  const [cmd, args] = command === 'npm' ? ['npm', ['run', 'build']] : ['npx', ['astro', 'build']];
  const result = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache') },
  });
  const slug = name.replace(/\.mdx$/, '');
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    name,
    publishedPage: join(outDir, 'blueprints', slug, 'index.html'),
  };
}

const unsafe: [fixture: string, rule: string][] = [
  ['import.mdx', 'mdx-safety/import-export'],
  ['flow-expression.mdx', 'mdx-safety/expression'],
  ['script.mdx', 'mdx-safety/element'],
  ['img-onerror.mdx', 'mdx-safety/event-handler'],
  ['javascript-link.mdx', 'mdx-safety/url'],
];

describe('the build refuses unsafe MDX', () => {
  // The control: with the same setup, a safe blueprint is built and published, so the
  // absence of a page in the cases below is the gate's doing.
  it('publishes a page for a safe blueprint added the same way', () => {
    const build = buildWith('tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx', 'astro', ['tests/fixtures/valid/blueprints/fixture-valid-redprint.mdx']);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(build.publishedPage)).toBe(true);
  }, 300_000);

  for (const [fixture, rule] of unsafe) {
    it(`stops at ${fixture}, naming the file and ${rule}, and publishes no page for it`, () => {
      const build = buildWith(`tests/fixtures/unsafe/${fixture}`, 'astro');
      expect(build.status, build.output).not.toBe(0);
      expect(build.output).toMatch(new RegExp(`blueprints/${build.name.replace('.', '\\.')}:\\d+:\\d+  ${rule.replace('/', '\\/')}  `));
      expect(build.output).toContain('stop the build');
      expect(existsSync(build.publishedPage)).toBe(false);
    });
  }
});

describe('the build refuses broken front-matter', () => {
  it('a deliberately broken blueprint stops npm run build with a message naming its file and field', () => {
    const build = buildWith('tests/fixtures/invalid/wrong-enum-value.mdx', 'npm');
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain('blueprints/wrong-enum-value.mdx:2:1  domain  "finance" is not one of strategy');
    expect(existsSync(build.publishedPage)).toBe(false);
  });
});
