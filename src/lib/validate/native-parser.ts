/**
 * satteri, the native MDX parser Astro 7 compiles MDX with. The build's content gate, `npm run
 * validate`, the issue bot and the gateway pass it to the validator, so they judge exactly the
 * tree the compiler sees, at about 0.5 ms a file against about 20 ms with remark (measured by
 * `npm run bench`). Node only: the drafting form's browser code uses remark (satteri's browser
 * build is WebAssembly we do not ship), so nothing the browser loads may import this module.
 */
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import type { MdxParser } from './mdx-body';

export const nativeMdxParser: MdxParser = (text) => mdxToMdast(text, { features: { frontmatter: false } }) as unknown as Root;
