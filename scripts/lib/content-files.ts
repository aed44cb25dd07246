/**
 * Reads content files from disk for the validator, the build gate and the other scripts.
 * Paths come back relative to the project root, with forward slashes, as problems print them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { kindOf, type ContentFile } from '../../src/lib/validate';
import type { Synonyms } from '../../src/lib/search/synonyms';
import { vocabularyFromSources } from '../../src/lib/search/vocabulary';

/** The content folder: src/content, or CONTENT_DIR (used by the benchmark and build tests). */
export function contentDir(root: string): string {
  return resolve(root, process.env.CONTENT_DIR ?? 'src/content');
}

/** The search vocabulary from the content folder's glossary and synonyms files (either may be missing). */
export function readVocabulary(root: string): Synonyms {
  const read = (name: string) => {
    const file = join(contentDir(root), name);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return vocabularyFromSources({ glossary: read('glossary.yaml'), synonyms: read('synonyms.yaml') });
}

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

/**
 * Every content file in the content folder, plus any extra files given (e.g. a draft
 * elsewhere, which is read as a blueprint unless its path says otherwise).
 */
export function readContentFiles(root: string, extra: string[] = []): ContentFile[] {
  const base = contentDir(root);
  const files = new Map<string, ContentFile>();
  for (const abs of walk(base)) {
    const path = toProjectPath(root, abs);
    files.set(path, { path, source: readFileSync(abs, 'utf8'), kind: kindOf(relative(base, abs)) });
  }
  for (const p of extra) {
    const abs = resolve(root, p);
    const path = toProjectPath(root, abs);
    if (!files.has(path)) files.set(path, { path, source: readFileSync(abs, 'utf8'), kind: kindOf(abs) });
  }
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
