/**
 * The project's html-validate settings (.htmlvalidate.json, reasons in tests/support/README.md) on
 * small pages: what each changed rule now lets through, and what it still refuses.
 */
import { describe, expect, it } from 'vitest';
import { htmlValidator } from '../support/html';

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>A page</title></head><body><main>${body}</main></body></html>`;

async function problems(body: string): Promise<string[]> {
  const report = await htmlValidator().validateString(page(body), 'page.html');
  return report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('the HTML rules', () => {
  it('accept a heading whose id starts with a digit, as one written "140 small providers" gets', async () => {
    expect(await problems('<h1 id="140-small-providers">140 small providers</h1><a href="#140-small-providers">Small providers</a>')).toEqual([]);
  });

  it('still refuse an id with white space in it', async () => {
    expect(await problems('<h1 id="small providers">Small providers</h1>')).toContain('valid-id');
  });
});
