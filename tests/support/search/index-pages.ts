/**
 * Small built sites for the search-index tests (tests/integration/pagefind-*.test.ts), and a
 * folder's files for comparing two written indexes byte for byte.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

/**
 * A built site, file → HTML: three pages the index holds, a list page under an indexed folder
 * (no data-pagefind-body, so not indexed) and a page outside the indexed folders.
 */
export const site: [string, string][] = [
  ['blueprints/ward-rounds/index.html', page('Ward rounds', 'Electronic observations on every ward.')],
  ['blueprints/e-prescribing/index.html', page('E-prescribing', 'Closed-loop medicines administration.')],
  ['blueprints/index.html', '<!doctype html><html lang="en"><body><main><h1>All blueprints</h1><p>Ward rounds and e-prescribing.</p></main></body></html>'],
  ['playbooks/foundations/index.html', page('Foundations', 'Governance before go-live.')],
  ['organisations/northmoor/index.html', page('Northmoor', 'Ward rounds at Northmoor.')],
];

/** Writes `files` into `dir`, in the order given. */
export function writeSite(dir: string, files: [string, string][] = site): string {
  for (const [file, html] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

/** Every file under a folder, path → contents. */
export function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name)).toString('base64')]),
  );
}
