/**
 * `npm run new` as a real process, with flags (stdin is not a terminal here, so it never asks).
 * The content folder is the valid fixtures, so the organisations it offers do not depend on
 * the bundled content, and every file is written to a fresh temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/content/front-matter';
import { blueprintSections } from '../../src/lib/content/sections';

const env = { ...process.env, CONTENT_DIR: 'tests/fixtures/valid', CI: '' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-blueprint-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const result = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', env, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const essentials = [
  '--title', 'Cutting discharge letter delays from five days to one',
  '--domain', 'technical-build',
  '--organisation', 'fixture-hospitals',
  '--contact', 'discharge@fixture.example.nhs.uk',
];
const expectedFile = () => join(dir, 'cutting-discharge-letter-delays-from-five-days-to-one.mdx');

describe('npm run new', () => {
  it('writes a skeleton named after the title, which passes npm run validate as written', () => {
    const made = run('scripts/new.ts', [...essentials, '--yes', '--dir', dir]);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('✓ Wrote');
    expect(readdirSync(dir)).toEqual(['cutting-discharge-letter-delays-from-five-days-to-one.mdx']);

    const checked = run('scripts/validate.ts', [expectedFile()]);
    expect(checked.stdout).toContain('✓ 1 file checked: no problems');
    expect(checked.status).toBe(0);
  });

  it('puts the answers in the front-matter and starts as a draft', () => {
    run('scripts/new.ts', [...essentials, '--summary', 'Fixture Hospitals sent discharge letters electronically from every ward, cutting the wait from five days to one.', '--yes', '--dir', dir]);
    const data = parseSource(readFileSync(expectedFile(), 'utf8')).data as Record<string, unknown>;
    expect(data).toMatchObject({
      title: 'Cutting discharge letter delays from five days to one',
      domain: 'technical-build',
      organisation: 'fixture-hospitals',
      contact: 'discharge@fixture.example.nhs.uk',
      summary: expect.stringMatching(/^Fixture Hospitals sent discharge letters/),
      careSettings: ['acute'],
      status: 'draft',
      illustrative: true,
    });
  });

  it('writes every standard section, each with its prompt as an MDX comment', () => {
    run('scripts/new.ts', [...essentials, '--yes', '--dir', dir]);
    const { body } = parseSource(readFileSync(expectedFile(), 'utf8'));
    for (const { heading, prompt } of blueprintSections) {
      expect(body).toContain(`## ${heading}\n\n{/* ${prompt} */}`);
    }
  });

  it('writes a redprint skeleton that passes while it is a draft', () => {
    run('scripts/new.ts', [...essentials, '--type', 'redprint', '--yes', '--dir', dir]);
    expect(run('scripts/validate.ts', [expectedFile()]).status).toBe(0);
  });

  it('with every field given, writes no placeholders and can be published at once', () => {
    const made = run('scripts/new.ts', [
      ...essentials,
      '--summary', 'Fixture Hospitals sent discharge letters electronically from every ward, cutting the wait from five days to one.',
      '--owner', 'Discharge team',
      '--key-question', 'How do we send discharge letters on the day?',
      '--pillars', 'improve-care', '--care-settings', 'acute', '--audience', 'cio,ccio',
      '--cost-band', '50k-250k', '--evidence', 'measured-locally', '--headline', 'Letters now reach GPs within a day.',
      '--start', '2023-04', '--status', 'published', '--dir', dir,
    ]);
    expect(made.status).toBe(0);
    const source = readFileSync(expectedFile(), 'utf8');
    expect(source).not.toContain('Replace this');
    expect(made.stdout).not.toMatch(/Check these defaults/);
    expect(run('scripts/validate.ts', [expectedFile()]).status).toBe(0);
  });

  it('refuses to overwrite an existing file, and leaves it as it was', () => {
    writeFileSync(expectedFile(), 'my own work\n');
    const made = run('scripts/new.ts', [...essentials, '--yes', '--dir', dir]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/cutting-discharge-letter-delays-from-five-days-to-one\.mdx already exists/);
    expect(readFileSync(expectedFile(), 'utf8')).toBe('my own work\n');
  });

  it('lists every missing essential when it cannot ask, and writes nothing', () => {
    const made = run('scripts/new.ts', ['--dir', dir]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/Missing: --title, --domain \(one of strategy, workforce, clinical-leadership, technical-build\), --organisation \(one of fixture-community, fixture-hospitals, fixture-named-trust\), --contact/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a flag with a wrong value and says what it should be', () => {
    const made = run('scripts/new.ts', [...essentials.slice(0, 2), '--domain', 'finance', ...essentials.slice(4), '--yes', '--dir', dir]);
    expect(made.status).toBe(1);
    expect(made.stderr).toContain('--domain "finance" is not one of strategy, workforce, clinical-leadership, technical-build');
    expect(existsSync(expectedFile())).toBe(false);
  });

  it('refuses a title that breaks the title convention', () => {
    const made = run('scripts/new.ts', ['--title', 'An initiative to improve discharge', ...essentials.slice(2), '--yes', '--dir', dir]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/--title starts with "An initiative": say what was done instead/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('will not publish a skeleton that still holds placeholders', () => {
    const made = run('scripts/new.ts', [...essentials, '--status', 'published', '--yes', '--dir', dir]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/summary  still holds the "Replace this" text/);
    expect(made.stderr).toContain('nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  });
});
