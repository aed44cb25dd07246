/**
 * Small pages for the search-index tests (tests/integration/pagefind-*.test.ts), and a folder's
 * files for comparing two written indexes byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

/** Three indexed pages and one that is not HTML (counted, not indexed), in Astro's order. */
export const pages: [string, string | undefined][] = [
  ['/blueprints/ward-rounds/', page('Ward rounds', 'Electronic observations on every ward.')],
  ['/blueprints/e-prescribing/', page('E-prescribing', 'Closed-loop medicines administration.')],
  ['/blueprints/', undefined],
  ['/playbooks/foundations/', page('Foundations', 'Governance before go-live.')],
];

/** The pages as Astro lists them, without the trailing slash. */
export const listed = pages.map(([path]) => path.replace(/\/$/, ''));

/** Every file under a folder, path → contents. */
export function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name)).toString('base64')]),
  );
}
