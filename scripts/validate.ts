/**
 * npm run validate [paths…]
 *
 * Checks content against the shared schema and every rule in src/lib/validate: front-matter
 * fields, references between entries, the title convention, duplicate slugs, file size, MDX
 * safety, redprint sections, illustrative organisations and leftover placeholders. With no
 * paths, checks everything in the content folder; a path may be a file (a draft anywhere) or a
 * folder. Prints `file:line:column  field  what is wrong: how to fix it`, and GitHub annotations
 * too when CI is set. Exit status 1 when anything is wrong; there are no warnings.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatAnnotation, formatProblem } from '../src/lib/validate';
import { checkContentFolder, toProjectPath } from '../src/node/content-files';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const usage = `Usage: npm run validate [paths…]
Checks every content file, or only the files and folders named (drafts may be anywhere).`;

const root = process.cwd();
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
// Everything after "--" is a path, even one that starts with "-" (the pull request checks pass names that way).
const end = args.indexOf('--');
const options = end < 0 ? args : args.slice(0, end);
const unknownOptions = options.filter((a) => a.startsWith('-'));
const paths = [...options.filter((a) => !a.startsWith('-')), ...(end < 0 ? [] : args.slice(end + 1))];

// 1. Every path named must exist; folders stand for the content files inside them.
const missing = paths.filter((p) => !exists(resolve(root, p)));
for (const option of unknownOptions) console.error(`${option}: is not an option of npm run validate\n${usage}`);
for (const p of missing) console.error(`${p}: no such file or folder: check the path, relative to ${root}`);
if (missing.length || unknownOptions.length) {
  process.exitCode = 1;
} else {
  const named = paths.flatMap((p) => expand(resolve(root, p)));

  // 2. Read every content file, plus the drafts named, so references resolve, and validate with
  //    the parser the build compiles with, reporting only the named files when there are any.
  const only = paths.length ? new Set(named.map((p) => toProjectPath(root, p))) : undefined;
  const { problems, warnings, checked } = checkContentFolder(root, named, { parser: nativeMdxParser, only });

  // 4. Print for people, and for GitHub when running in CI; only problems fail the check.
  for (const p of problems) console.log(formatProblem(p));
  for (const w of warnings) console.log(formatProblem(w, 'warning'));
  if (isSet(process.env.CI)) {
    for (const p of problems) console.log(formatAnnotation(p));
    for (const w of warnings) console.log(formatAnnotation(w, 'warning'));
  }
  const fileCount = new Set(problems.map((p) => p.file)).size;
  const warned = warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'} above, which stop nothing)` : '';
  console.log(
    problems.length === 0
      ? `✓ ${checked} file${checked === 1 ? '' : 's'} checked: no problems${warned}`
      : `✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}: fix each one and run npm run validate again${warned}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file as itself; a folder as the content files (.mdx, .md, .yaml) anywhere inside it, and every
 * link inside it whatever its name (the validator refuses links, so naming a folder never hides one).
 */
function expand(path: string): string[] {
  if (lstatSync(path).isSymbolicLink() || !statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink() || (entry.isFile() && /\.(mdx|md|ya?ml)$/i.test(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** CI=false or CI=0 mean "not in CI", as most tools read it. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
