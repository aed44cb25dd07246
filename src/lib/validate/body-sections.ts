/**
 * A body's sections as a reader sees them: each level-2 heading with everything under it up to
 * the next one (level-3 headings and their text belong to the section above them).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { eachNode } from './mdx-body';

export interface BodySection {
  heading: Heading;
  /** The heading's words, without markup. */
  title: string;
  content: RootContent[];
}

function textIn(node: Node, separator: string): string {
  const parts: string[] = [];
  eachNode(node, (n: Node) => {
    if (n.type === 'text' || n.type === 'inlineCode') parts.push((n as unknown as { value: string }).value);
  });
  return parts.join(separator);
}

export function sectionsOf(tree: Root): BodySection[] {
  const sections: BodySection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) sections.push({ heading: node, title: textIn(node, '').trim(), content: [] });
    else sections.at(-1)?.content.push(node);
  }
  return sections;
}

/** The readable text of a section's content: comments and markup are nothing; blocks are kept apart. */
export function sectionText(section: BodySection): string {
  return section.content.map((node) => textIn(node as Node, ' ')).join('\n');
}
