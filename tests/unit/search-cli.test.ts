import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/content/front-matter';

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run search', () => {
  it('lists matching blueprints ranked, with score, slug, title and organisation', () => {
    const { code, out } = run('scripts/search.ts', 'ePMA');
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+1\.\s+\d+\.\d\d\s+epma-on-every-adult-inpatient-ward\n\s+Replacing paper drug charts .+ – .+NHS/m);
  });

  it('corrects a known misspelling and says so', () => {
    expect(run('scripts/search.ts', 'e-prescibing').out).toMatch(/^Searched for "e-prescribing" \(corrected from "e-prescibing"\)/);
  });

  it('filters by taxonomy value', () => {
    const { out } = run('scripts/search.ts', 'records', '--setting', 'ambulance');
    expect(out).toContain('ambulance-electronic-patient-care-records');
    expect(out).not.toContain('epma-on-every-adult-inpatient-ward');
  });

  it('refuses a filter value that is not in the taxonomy, listing the ones that are', () => {
    const { code, err } = run('scripts/search.ts', 'ward', '--domain', 'nursing');
    expect(code).toBe(1);
    expect(err).toContain('--domain nursing: use one of strategy, workforce, clinical-leadership, technical-build');
  });
});

describe('npm run similar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'similar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A draft that repeats half of a bundled blueprint under a new title. */
  function partialCopy(): string {
    const source = readFileSync('src/content/blueprints/epma-on-every-adult-inpatient-ward.mdx', 'utf8');
    const { body } = parseSource(source);
    const half = body.split(/(?<=\.)\s+/).filter((_, i) => i % 2 === 0).join(' ');
    const file = join(dir, 'our-epma-rollout.mdx');
    writeFileSync(file, `---\ntitle: Rolling out electronic prescribing across our wards\n---\n\n${half}\n`);
    return file;
  }

  it('lists the closest blueprints with scores and flags a likely duplicate', () => {
    const { code, out } = run('scripts/similar.ts', partialCopy());
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+0\.\d\d\s+epma-on-every-adult-inpatient-ward\s+← likely duplicate$/m);
  });

  it('on a pull request\u2019s checks, puts a warning on the new file naming the blueprint it reads like', () => {
    const file = partialCopy();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/similar.ts', file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true' } });
    expect(result.status).toBe(0);
    const annotation = result.stdout.split('\n').find((line) => line.startsWith('::warning '));
    expect(annotation).toMatch(/^::warning file=[^,]*our-epma-rollout\.mdx,line=1,col=1,title=likely duplicate::Reads like .+ \(\/blueprints\/epma-on-every-adult-inpatient-ward\/, similarity 0\.\d\d\): check it is different work$/);
    const quiet = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/similar.ts', file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: '' } });
    expect(quiet.stdout).not.toContain('::warning');
  });

  it('exits with status 1 on a likely duplicate when asked to check', () => {
    expect(run('scripts/similar.ts', partialCopy(), '--check').code).toBe(1);
  });

  it('flags nothing for a draft about something else', () => {
    const file = join(dir, 'lift-maintenance.mdx');
    writeFileSync(file, '---\ntitle: Servicing the lifts in the car park\n---\n\nWe serviced the lifts in the multi-storey car park and painted the stairwells.\n');
    const { code, out } = run('scripts/similar.ts', file, '--check');
    expect(code).toBe(0);
    expect(out).not.toContain('likely duplicate');
    expect(out).not.toContain('::warning');
  });

  it('says clearly when the draft file does not exist', () => {
    const { code, err } = run('scripts/similar.ts', join(dir, 'missing.mdx'));
    expect(code).toBe(1);
    expect(err).toMatch(/no such file/);
  });
});
