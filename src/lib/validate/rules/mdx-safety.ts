/**
 * The MDX safety gate. Contributed MDX is code: it is rejected (never stripped) when it could run
 * at build time or in a reader's browser. See the rule list in CONTRIBUTING.md.
 */
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

/** Components an author may use without importing them. The site passes these to <Content />. */
export const allowedComponents = ['Callout', 'Warning', 'Details'] as const;

export function checkMdxSafety(_corpus: Corpus): Problem[] {
  // Written in the next commit: parses each body with remark-mdx and walks the tree.
  return [];
}
