/**
 * remark, the reference MDX parser, for the drafting form's safety check in the browser
 * (src/browser/contribute/safety.ts) and the tests that hold the two parsers to each other. Node
 * code that must judge exactly what the build compiles passes the build's own parser instead
 * (./native-parser.ts), and never imports this module: loading remark and its MDX extensions took
 * about 0.2 s of CPU in every process that did, the build's among them.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { MdxParser } from './mdx-body';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

export const remarkMdxParser: MdxParser = (text) => processor.parse(text);
