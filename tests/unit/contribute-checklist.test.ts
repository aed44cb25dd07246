import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewChecklist } from '../../src/lib/contribute/checklist';

describe('the review checklist', () => {
  it('appears in full in the pull request template', () => {
    const template = readFileSync(new URL('../../.github/PULL_REQUEST_TEMPLATE.md', import.meta.url), 'utf8');
    const missing = reviewChecklist.filter((item) => !template.includes(`- [ ] ${item}`));
    expect(missing).toEqual([]);
  });
});
