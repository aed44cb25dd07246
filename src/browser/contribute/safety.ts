/**
 * The MDX safety gate, the same code the site build and `npm run validate` run, loaded only
 * when an author checks a draft: the MDX parser is large (see the report in the pull request),
 * so it stays out of the page's first download.
 */
import type { LineProblem } from '../../lib/contribute/draft-check';
import { tooLongToCheckInTheBrowser } from '../../lib/validate/limits';

type Checker = [typeof import('../../lib/validate/rules/mdx-safety'), typeof import('../../lib/validate/remark-parser')];
let loading: Promise<Checker> | undefined;

/**
 * Problems in the draft's MDX, or undefined when they were not checked here: the checker could not
 * be loaded (e.g. offline), or the draft is too long to check quickly in a browser.
 */
export async function safetyProblems(mdx: string): Promise<LineProblem[] | undefined> {
  if (tooLongToCheckInTheBrowser(mdx)) return undefined;
  try {
    // remark parses in the browser; the gateway and the build check again with the build's own parser.
    loading ??= Promise.all([import('../../lib/validate/rules/mdx-safety'), import('../../lib/validate/remark-parser')]);
    const [{ checkMdxSource }, { remarkMdxParser }] = await loading;
    return checkMdxSource('draft.mdx', mdx, remarkMdxParser).map((p) => ({ line: p.line, message: p.message }));
  } catch {
    loading = undefined;
    return undefined;
  }
}
