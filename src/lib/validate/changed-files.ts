/**
 * What a pull request may not add anywhere in the repository: a symbolic link (git mode 120000),
 * whose target the build would read in place of checked content, or a submodule (160000), whose
 * files are not in the pull request at all. Read from `git diff --raw -z`, so any file name,
 * however odd, arrives whole.
 */
import type { Problem } from './problem';

const refused: Record<string, string> = {
  '120000': 'is a symbolic link: the build would read whatever it points to, which no check has seen. Commit the file itself instead of a link',
  '160000': 'is a submodule: its files are not part of this pull request, so they cannot be reviewed. Commit the files themselves',
};

/**
 * Problems for every link or submodule that `git diff --raw -z --no-renames` output adds or
 * changes. Each record is ":<old mode> <new mode> <old sha> <new sha> <status>" then the path,
 * separated by NULs.
 */
export function refusedChanges(rawDiff: string): Problem[] {
  const fields = rawDiff.split('\0');
  const problems: Problem[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode, , , status] = fields[i].replace(/^:/, '').split(' ');
    const path = fields[i + 1];
    if (status !== 'D' && refused[newMode]) problems.push({ file: path, line: 1, column: 1, field: 'location', message: refused[newMode] });
  }
  return problems;
}
