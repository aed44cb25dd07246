/**
 * The MDX safety gate, the same code the site build and `npm run validate` run, loaded only
 * when an author checks a draft: the MDX parser is large (see the report in the pull request),
 * so it stays out of the page's first download.
 */
import type { LineProblem } from '../../lib/contribute/draft-check';

let loading: Promise<typeof import('../../lib/validate/rules/mdx-safety')> | undefined;

/** Problems in the draft's MDX, or undefined when the checker could not be loaded (e.g. offline). */
export async function safetyProblems(mdx: string): Promise<LineProblem[] | undefined> {
  try {
    loading ??= import('../../lib/validate/rules/mdx-safety');
    const { checkMdxSource } = await loading;
    return checkMdxSource('draft.mdx', mdx).map((p) => ({ line: p.line, message: p.message }));
  } catch {
    loading = undefined;
    return undefined;
  }
}
