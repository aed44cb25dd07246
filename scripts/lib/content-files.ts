/**
 * Reads content files from disk for the validator, the build gate and the other scripts.
 * Paths come back relative to the project root, with forward slashes, as problems print them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFile } from '../../src/lib/validate';

export const contentDir = 'src/content';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return walk(path);
    return d.isFile() && /\.(mdx|md|ya?ml)$/i.test(d.name) ? [path] : [];
  });
}

export function toProjectPath(root: string, path: string): string {
  return relative(root, resolve(root, path)).split(sep).join('/');
}

/** Every content file under `root`/src/content, plus any extra files given (e.g. a draft elsewhere). */
export function readContentFiles(root: string, extra: string[] = []): ContentFile[] {
  const base = resolve(root, contentDir);
  const paths = new Set(walk(base).map((p) => toProjectPath(root, p)));
  for (const p of extra) paths.add(toProjectPath(root, p));
  return [...paths].sort().map((path) => ({ path, source: readFileSync(resolve(root, path), 'utf8') }));
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
