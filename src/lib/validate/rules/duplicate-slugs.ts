/** Two files of one kind with the same file name would claim the same web address. */
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

export function checkDuplicateSlugs(corpus: Corpus): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const key = `${entry.kind}:${entry.slug}`;
    const first = seen.get(key);
    if (first) {
      problems.push({ file: entry.file.path, line: 1, column: 1, field: 'slug', message: `"${entry.slug}" is already used by ${first}: rename this file so its web address is unique` });
    } else seen.set(key, entry.file.path);
  }
  return problems;
}
