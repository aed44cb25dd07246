/** A blueprint is a readable document, not a data dump; huge files also slow every build. */
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

export const maxFileBytes = 100 * 1024;

export function checkFileSize(corpus: Corpus): Problem[] {
  return corpus.entries
    .filter((e) => Buffer.byteLength(e.file.source, 'utf8') > maxFileBytes)
    .map((e) => ({
      file: e.file.path,
      line: 1,
      column: 1,
      field: 'file-size',
      message: `is ${Math.ceil(Buffer.byteLength(e.file.source, 'utf8') / 1024)} KiB, over the ${maxFileBytes / 1024} KiB limit: link to long documents from the Resources section instead of pasting them in`,
    }));
}
