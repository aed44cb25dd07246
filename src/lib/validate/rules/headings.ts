/**
 * A page has one level 1 heading, its title, which the layout writes: NHS.UK pages are built that
 * way, and screen reader users jump to it to find where a page starts. So a body's `# Heading`
 * (Markdown, wherever it sits) is a problem, as an `<h1>` is to the safety gate; any other
 * heading level is the author's to choose. Every MDX file is checked: blueprints, playbooks and
 * templates alike.
 */
import type { Heading } from 'mdast';
import type { Corpus } from '../corpus';
import { eachNode } from '../mdx-body';
import type { Problem } from '../problem';

export function checkHeadings(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    if (!entry.file.path.endsWith('.mdx')) continue;
    const tree = corpus.bodyOf(entry)?.tree;
    if (!tree) continue; // the safety gate reports the syntax error
    eachNode(tree, (node) => {
      if (node.type !== 'heading' || (node as Heading).depth !== 1) return;
      problems.push({
        file: entry.file.path,
        line: node.position?.start.line ?? entry.parsed.bodyLine,
        column: node.position?.start.column ?? 1,
        field: 'headings',
        message: 'has a level 1 heading ("# …"): the page title is the only level 1 heading on a page, so write this one as "## …", or "### …" inside a section',
      });
    });
  }
  return problems;
}
