/**
 * A redprint exists to say what went wrong, so a published one must fill in that section with
 * more than a line. Drafts are exempt: `npm run new` writes a skeleton with only the prompt.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { Blueprint } from '../../schema';
import { blueprintSections } from '../../content/sections';
import type { Corpus } from '../corpus';
import { eachNode } from '../mdx-body';
import type { Problem } from '../problem';

/** About two sentences: enough to say what failed and what you would do instead. */
export const minimumRedprintCharacters = 100;

const requiredHeadings = blueprintSections.filter((s) => s.requiredForRedprint).map((s) => s.heading);

function headingText(node: Heading): string {
  let text = '';
  eachNode(node, (n) => {
    if (n.type === 'text') text += (n as unknown as { value: string }).value;
  });
  return text.trim();
}

/** Characters of readable text in a run of nodes; comments and code-free markup count as nothing. */
function textLength(nodes: RootContent[]): number {
  let length = 0;
  for (const node of nodes) {
    eachNode(node as Node, (n: Node) => {
      if (n.type === 'text' || n.type === 'inlineCode') length += (n as unknown as { value: string }).value.trim().length;
    });
  }
  return length;
}

function sectionsOf(tree: Root): { heading: Heading; content: RootContent[] }[] {
  const sections: { heading: Heading; content: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) sections.push({ heading: node, content: [] });
    else sections.at(-1)?.content.push(node);
  }
  return sections;
}

export function checkRedprintSection(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const data = entry.data as Blueprint | undefined;
    if (entry.kind !== 'blueprint' || !data || data.type !== 'redprint' || data.status === 'draft') continue;
    const tree = corpus.bodyOf(entry)?.tree;
    if (!tree) continue; // the safety gate reports the syntax error
    const sections = sectionsOf(tree);
    for (const heading of requiredHeadings) {
      const section = sections.find((s) => headingText(s.heading).toLowerCase() === heading.toLowerCase());
      if (!section) {
        problems.push({
          file: entry.file.path,
          line: entry.parsed.bodyLine,
          column: 1,
          field: 'redprint-section',
          message: `has no "## ${heading}" section: a redprint exists to say what went wrong, so add that heading and write what did not work and what you would do instead`,
        });
      } else if (textLength(section.content) < minimumRedprintCharacters) {
        problems.push({
          file: entry.file.path,
          line: section.heading.position?.start.line ?? entry.parsed.bodyLine,
          column: section.heading.position?.start.column ?? 1,
          field: 'redprint-section',
          message: `"${heading}" is empty or too short: a redprint exists to say what went wrong, so write at least ${minimumRedprintCharacters} characters on what did not work, what it cost you and what you would do instead`,
        });
      }
    }
  }
  return problems;
}
