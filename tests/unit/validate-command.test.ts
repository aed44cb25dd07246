/**
 * `npm run validate` as authors and CI run it: a real process, its output and exit status.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function validate(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run validate', () => {
  it('passes the bundled content with exit status 0', () => {
    const run = validate([]);
    expect(run.stdout).toMatch(/✓ \d+ files checked: no problems/);
    expect(run.status).toBe(0);
  });

  it('checks a folder of drafts outside the content folder', () => {
    const run = validate(['tests/fixtures/valid']);
    const files = readdirSync('tests/fixtures/valid', { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.(mdx|ya?ml)$/.test(f.name));
    expect(files.length).toBeGreaterThan(5);
    expect(run.stdout).toContain(`✓ ${files.length} files checked: no problems`);
    expect(run.status).toBe(0);
  });

  it('prints file:line:column, the field and what to do, and exits 1', () => {
    const run = validate(['tests/fixtures/invalid/wrong-enum-value.mdx']);
    expect(run.stdout).toContain('tests/fixtures/invalid/wrong-enum-value.mdx:2:1  domain  "finance" is not one of strategy');
    expect(run.stdout).toContain('✗ 1 problem in 1 file');
    expect(run.status).toBe(1);
  });

  it('reports unsafe MDX by rule', () => {
    const run = validate(['tests/fixtures/valid', 'tests/fixtures/unsafe/script.mdx']);
    expect(run.stdout).toMatch(/tests\/fixtures\/unsafe\/script\.mdx:29:1  mdx-safety\/element  <script> is not allowed/);
    expect(run.stdout).toContain('✗ 1 problem in 1 file');
    expect(run.status).toBe(1);
  });

  it('reports every problem in every file named before exiting', () => {
    // The valid fixtures come along so the drafts' organisation (fixture-hospitals) resolves.
    const run = validate(['tests/fixtures/valid', 'tests/fixtures/invalid/bad-date.mdx', 'tests/fixtures/unsafe/import.mdx']);
    expect(run.stdout).toContain('bad-date.mdx:18:1  published');
    expect(run.stdout).toContain('import.mdx:29:1  mdx-safety/import-export');
    expect(run.stdout).toContain('✗ 2 problems in 2 files');
    expect(run.status).toBe(1);
  });

  it('adds GitHub annotations when CI is set', () => {
    const run = validate(['tests/fixtures/invalid/wrong-enum-value.mdx'], { CI: 'true' });
    expect(run.stdout).toMatch(/^::error file=tests\/fixtures\/invalid\/wrong-enum-value\.mdx,line=2,col=1,title=domain::"finance" is not one of/m);
    expect(run.status).toBe(1);
  });

  it('prints no annotations outside CI', () => {
    const run = validate(['tests/fixtures/invalid/wrong-enum-value.mdx']);
    expect(run.stdout).not.toContain('::error');
  });

  it('says clearly when a path does not exist, and exits 1', () => {
    const run = validate(['src/content/blueprints/no-such-file.mdx']);
    expect(run.stderr).toContain('src/content/blueprints/no-such-file.mdx: no such file or folder: check the path');
    expect(run.status).toBe(1);
  });
});
