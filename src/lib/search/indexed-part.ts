/**
 * The part of a built page that Pagefind indexes, cut out of its HTML: pure text work, so the
 * integration (src/integrations/pagefind.ts) sends Pagefind less and the cut is tested alone.
 * The data-pagefind-body attribute is the contract between pages and the index.
 * https://pagefind.app/docs/indexing/
 */

/**
 * What Pagefind reads of a page: its <html> tag (the page's language) and its data-pagefind-body
 * element, or undefined when the page has none. Pagefind ignores everything else on a site whose
 * pages mark their bodies, so the index is the same, and the header, navigation and footer
 * (about a third of a blueprint page) are neither encoded for Pagefind nor parsed by it.
 */
export function indexedPart(html: string): string | undefined {
  const open = /<([a-z]+)\s[^>]*\bdata-pagefind-body\b/.exec(html);
  if (!open) return undefined;
  const [start, tag] = [open.index, open[1]];
  // The element ends at the closing tag that balances it; elements of the same name may nest inside.
  const tags = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  tags.lastIndex = start + 1;
  for (let depth = 1, m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf('>', m.index) + 1;
      const htmlTag = /<html[\s>][^>]*>?/.exec(html)?.[0] ?? '<html>';
      return `${htmlTag}<body>${html.slice(start, end)}</body></html>`;
    }
  }
  return undefined;
}
