/**
 * The only components an author's MDX may use. Keep this list and `allowedComponents` in
 * src/lib/validate/rules/mdx-safety.ts the same: tests/unit/mdx-components.test.ts checks it.
 */
import Callout from './Callout.astro';
import Warning from './Warning.astro';
import Details from './Details.astro';

export const mdxComponents = { Callout, Warning, Details };
