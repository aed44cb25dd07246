/**
 * npm run validate [paths…]
 * Checks content against the shared schema and rules. With no paths, checks everything.
 * Exit status 1 when anything is wrong.
 */
import { formatAnnotation, formatProblem, validateContent } from '../src/lib/validate';
import { readContentFiles, toProjectPath } from './lib/content-files';

const root = process.cwd();
const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));

// 1. Read every content file, plus the drafts named, so references resolve.
const files = readContentFiles(root, paths);

// 2. Validate, reporting only the named files when there are any.
const only = paths.length ? new Set(paths.map((p) => toProjectPath(root, p))) : undefined;
const { problems } = validateContent(files, only);

// 3. Print for people, and for GitHub when running in CI.
for (const p of problems) console.log(formatProblem(p));
if (process.env.CI) for (const p of problems) console.log(formatAnnotation(p));
const checked = only ? only.size : files.length;
console.log(problems.length === 0 ? `✓ ${checked} file${checked === 1 ? '' : 's'} checked: no problems` : `✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} file(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
