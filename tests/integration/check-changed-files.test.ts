/**
 * A pull request may not add a symbolic link or a submodule anywhere: checked on a real git
 * repository, with the script the pull request checks run, and file names chosen to break
 * naive parsing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { refusedChanges } from '../../src/lib/validate/changed-files';

const repos: string[] = [];
afterAll(() => repos.forEach((r) => rmSync(r, { recursive: true, force: true })));

const script = join(process.cwd(), 'scripts/check-changed-files.ts');
/** tsx from this project, since the script runs inside another repository. */
const tsx = pathToFileURL(join(process.cwd(), 'node_modules/tsx/dist/loader.mjs')).href;

/** A repository with one commit on main and a branch "change" made by `arrange`. */
function repoWith(arrange: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'changed-files-'));
  repos.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'src/content/blueprints'), { recursive: true });
  writeFileSync(join(dir, 'src/content/blueprints/a.mdx'), 'a\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'change');
  arrange(dir);
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  return dir;
}

function check(dir: string) {
  const result = spawnSync(process.execPath, ['--import', tsx, script, 'main'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('pull requests that add links or submodules', () => {
  const cases: [name: string, arrange: (dir: string) => void, file: string][] = [
    ['a link to a file outside the repository', (d) => symlinkSync('/etc/passwd', join(d, 'src/content/blueprints/b.mdx')), 'src/content/blueprints/b.mdx'],
    ['a link to another blueprint', (d) => symlinkSync('a.mdx', join(d, 'src/content/blueprints/c.mdx')), 'src/content/blueprints/c.mdx'],
    ['a linked folder outside the content', (d) => symlinkSync('/tmp', join(d, 'public-link')), 'public-link'],
    // Named on one line, its line break written as an escape, so the name cannot start a line of the log.
    ['a link whose name holds spaces and a newline', (d) => symlinkSync('a.mdx', join(d, 'src/content/blueprints/odd name\nx.mdx')), 'src/content/blueprints/odd name\\u000ax.mdx'],
    ['a link whose name starts with a hyphen', (d) => symlinkSync('a.mdx', join(d, '-rf')), '-rf'],
    [
      'a file replaced by a link',
      (d) => {
        rmSync(join(d, 'src/content/blueprints/a.mdx'));
        symlinkSync('/etc/hostname', join(d, 'src/content/blueprints/a.mdx'));
      },
      'src/content/blueprints/a.mdx',
    ],
  ];

  for (const [name, arrange, file] of cases) {
    it(`refuses ${name}, naming it`, () => {
      const { status, output } = check(repoWith(arrange));
      expect(status, output).toBe(1);
      expect(output).toContain(`${file}:1:1  location  is a symbolic link`);
    });
  }

  it('accepts ordinary files, new, changed and removed', () => {
    const dir = repoWith((d) => {
      writeFileSync(join(d, 'src/content/blueprints/a.mdx'), 'changed\n');
      writeFileSync(join(d, 'src/content/blueprints/new file.mdx'), 'new\n');
    });
    const { status, output } = check(dir);
    expect(status, output).toBe(0);
    expect(output).toContain('no links or submodules added');
  });

  it('reads submodules and ignores links being removed', () => {
    const sha = 'a'.repeat(40);
    const raw = [
      `:000000 160000 ${'0'.repeat(40)} ${sha} A`, 'vendor/lib',
      `:120000 000000 ${sha} ${'0'.repeat(40)} D`, 'old-link',
      `:100644 100644 ${sha} ${sha} M`, 'README.md',
      '',
    ].join('\0');
    expect(refusedChanges(raw).map((p) => [p.file, p.message.split(':')[0]])).toEqual([['vendor/lib', 'is a submodule']]);
  });

  it('asks for a base when given none', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run check-changed-files');
  });
});

describe('npm run validate', () => {
  it('reads every name after -- as a path, as the pull request checks pass them', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', '--', 'src/content/glossary.yaml'], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 file checked: no problems');
  });
});
