/**
 * Every page in the built site is valid HTML by html-validate's recommended rules, with the few
 * exceptions in .htmlvalidate.json (explained in tests/support/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlValidator } from '../support/html';
import { builtPages } from '../support/pages';

describe('the built HTML', () => {
  const pages = builtPages();

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it('is valid on every page', async () => {
    const failures: string[] = [];
    for (const page of pages) {
      const report = await htmlValidator().validateString(readFileSync(page.file, 'utf8'), page.file);
      for (const result of report.results) {
        for (const m of result.messages) {
          failures.push(`${page.path}  ${m.ruleId}  ${m.selector ?? `${m.line}:${m.column}`}\n    ${m.message}`);
        }
      }
    }
    expect(failures.length, `HTML problems:\n${failures.join('\n')}\n`).toBe(0);
  });
});
