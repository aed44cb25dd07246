/**
 * A blueprint's `artefacts` name templates on this site: each must be a template in
 * src/content/templates/, or the blueprint page would offer a download that does not exist.
 * The schema has already refused file names and types that can carry macros or scripts.
 */
import type { Blueprint } from '../../schema';
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

export function checkArtefacts(corpus: Corpus): Problem[] {
  const templates = corpus.entries.filter((e) => e.kind === 'template').map((e) => e.slug).sort();
  const known = templates.length ? `the templates are ${templates.join(', ')}` : 'there are no templates yet';
  return corpus.entries
    .filter((e) => e.kind === 'blueprint' && e.data)
    .flatMap((entry) =>
      (entry.data as Blueprint).artefacts.flatMap((slug, i) =>
        templates.includes(slug)
          ? []
          : [{
              file: entry.file.path,
              ...entry.parsed.positionOf(['artefacts', i]),
              field: `artefacts.${i}`,
              message: `"${slug}" is not a template on this site: use the file name (without .yaml) of one in src/content/templates/ (${known}), or add the template there`,
            }],
      ),
    );
}
