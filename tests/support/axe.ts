/**
 * Runs axe-core against the page as it stands, for WCAG 2.2 AA (every A and AA rule up to 2.2),
 * and formats what it finds so a failing test says page, rule, element and fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type Violation = Results['violations'][number];

/**
 * axe's rules that WCAG 2.2 adds and that axe turns off by default, switched on by name so a
 * change of axe's defaults cannot drop them. target-size is SC 2.5.8, the check Lighthouse's
 * accessibility audit runs (tests/e2e/target-size.test.ts measures the same thing itself).
 */
export const forcedRules = ['target-size'];

export async function axeResults(page: Page): Promise<Results> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to gather results
  // from frames; it halves the time, and the site has no frames (html-validate would show one).
  return new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ rules: Object.fromEntries(forcedRules.map((id) => [id, { enabled: true }])) })
    .setLegacyMode(true)
    .analyze();
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  return (await axeResults(page)).violations;
}

/** One block per rule: what is wrong, how bad, where (selector and markup), and the fix. */
export function formatViolations(path: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n\s*/g, ' ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
      return `${path}  ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}
