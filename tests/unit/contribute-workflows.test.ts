import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../.github/workflows/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const workflow = (name: string) => parse(read(name)) as { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: { name?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> }[] }> };
const runLines = (name: string) => Object.values(workflow(name).jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');

describe('the workflows', () => {
  it('are all valid YAML', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) expect(() => parse(read(file)), file).not.toThrow();
  });

  it('check pull requests on pull_request only, never pull_request_target', () => {
    const code = read('pull-request.yml').split('\n').filter((line) => !line.trim().startsWith('#')).join('\n');
    expect(Object.keys(workflow('pull-request.yml').on)).toEqual(['pull_request']);
    expect(code).not.toContain('pull_request_target');
  });

  it('give pull request checks a read-only token and no secrets', () => {
    const w = workflow('pull-request.yml');
    expect(w.permissions).toEqual({});
    for (const job of Object.values(w.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
    expect(read('pull-request.yml')).not.toMatch(/secrets\./);
  });

  it('never put the issue’s own text into a shell command', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
      expect(runLines(file), file).not.toMatch(/\$\{\{\s*github\.event\.(issue|pull_request|comment)\.(title|body|head|user)/);
    }
  });

  it('open proposal pull requests with a GitHub App token, so their checks run', () => {
    const steps = Object.values(workflow('propose-blueprint.yml').jobs).flatMap((j) => j.steps);
    const token = steps.find((s) => s.uses?.startsWith('actions/create-github-app-token'));
    expect(token?.with).toMatchObject({ 'app-id': '${{ vars.APP_ID }}', 'private-key': '${{ secrets.APP_PRIVATE_KEY }}' });
    expect(steps.find((s) => s.run?.includes('propose-from-issue'))?.env?.GITHUB_TOKEN).toBe('${{ steps.app-token.outputs.token }}');
  });

  it('run the proposal bot only for issues with the proposal label', () => {
    expect(read('propose-blueprint.yml')).toContain("contains(github.event.issue.labels.*.name, 'blueprint-proposal')");
  });

  it('run the same bot for "We are using this" issues, which carry the adoption label', () => {
    expect(read('propose-blueprint.yml')).toContain("contains(github.event.issue.labels.*.name, 'adoption-record')");
  });

  it('deploy to GitHub Pages under the repository name', () => {
    const text = read('deploy.yml');
    expect(text).toContain('actions/upload-pages-artifact');
    expect(text).toContain('actions/deploy-pages');
    expect(text).toContain('BASE_PATH: /${{ github.event.repository.name }}/');
    expect(text).toContain('SITE_URL:');
  });

  it('deploy from the full Git history, which the pages\' "Page history" is read from', () => {
    const checkout = workflow('deploy.yml').jobs.build!.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('deploy with Astro\'s content store from the last deploy, started afresh whenever the schemas or configs change', () => {
    const steps = workflow('deploy.yml').jobs.build!.steps;
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('node_modules/.astro');
    // Astro keeps an unchanged file's stored data when only the schema that made it changed.
    for (const key of [cache?.with?.key, cache?.with?.['restore-keys']]) {
      for (const file of ['package-lock.json', 'astro.config.mjs', 'src/content.config.ts', 'src/lib/**']) expect(String(key)).toContain(`'${file}'`);
    }
    expect(steps.indexOf(cache!)).toBeLessThan(steps.findIndex((s) => s.name === 'Build'));
  });

  it('send review reminders on a weekly schedule', () => {
    expect(workflow('review-reminders.yml').on.schedule).toEqual([{ cron: '0 7 * * 1' }]);
  });
});
