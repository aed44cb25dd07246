/* A module of its own, with no imports, because the drafting form's browser code needs it too. */

/**
 * Astro's own front-matter pattern (@astrojs/internal-helpers/frontmatter, `extractFrontmatter`),
 * so the validator and the build never disagree about where the front-matter ends: a byte-order
 * mark or blank lines may come first, and the first line that starts with --- closes it.
 */
export const astroFrontmatter = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
