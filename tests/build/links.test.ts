/**
 * Every internal link, fragment anchor and asset in the built site resolves, under the base path
 * the site was built for. External addresses are not fetched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblems, type LinkReport } from '../support/links';

describe('the links in the built site', () => {
  let report: LinkReport;
  beforeAll(async () => {
    report = await checkLinks();
  });

  it('include internal links to check', () => {
    expect(report.internal).toBeGreaterThan(0);
  });

  it('all resolve to a page, file or element that exists', () => {
    expect(report.problems.length, `Broken references:\n${formatLinkProblems(report.problems)}\n`).toBe(0);
  });
});
