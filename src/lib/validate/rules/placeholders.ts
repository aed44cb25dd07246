/**
 * `npm run new` fills fields the schema insists on with text starting "Replace this", so the
 * skeleton is valid while it is a draft. Anything beyond a draft must have them all replaced.
 */
import { stringsIn, type Corpus } from '../corpus';
import type { Problem } from '../problem';

export const placeholderMarker = 'Replace this';

/** A placeholder for a text field: says what to write, and is caught if it is published. */
export function placeholder(what: string): string {
  return `${placeholderMarker}: ${what}`;
}

export function checkPlaceholders(corpus: Corpus): Problem[] {
  return corpus.entries
    .filter((e) => (e.kind === 'blueprint' || e.kind === 'playbook') && e.data && (e.data as { status?: string }).status !== 'draft')
    .flatMap((entry) =>
      stringsIn(entry.parsed.data)
        .filter(({ text }) => text.trim().startsWith(placeholderMarker))
        .map(({ path }) => ({
          file: entry.file.path,
          ...entry.parsed.positionOf(path),
          field: path.join('.'),
          message: `still holds the "${placeholderMarker}" text from the skeleton: write your own, or keep status: draft until you have`,
        })),
    );
}
