/**
 * npm run check-changed-files -- <base>
 *
 * Refuses a pull request that adds a symbolic link or a submodule anywhere, comparing HEAD with
 * <base> (a commit or branch). Pull request checks run it before anything reads the files.
 */
import { execFileSync } from 'node:child_process';
import { formatAnnotation, formatProblem } from '../src/lib/validate';
import { refusedChanges } from '../src/lib/validate/changed-files';

const [base] = process.argv.slice(2).filter((a) => a !== '--');
if (!base || base.startsWith('-')) {
  console.error('Usage: npm run check-changed-files -- <base commit or branch>');
  process.exitCode = 2;
} else {
  // 1. What this branch changes since it left the base, with modes, names NUL-separated.
  const diff = execFileSync('git', ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', `${base}...HEAD`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  // 2. Links and submodules are refused, wherever they are.
  const problems = refusedChanges(diff);

  // 3. Print for people, and for GitHub in CI.
  for (const p of problems) console.log(formatProblem(p));
  if (process.env.CI) for (const p of problems) console.log(formatAnnotation(p));
  console.log(problems.length ? `✗ ${problems.length} file${problems.length === 1 ? '' : 's'} cannot be accepted: see above` : '✓ no links or submodules added');
  process.exitCode = problems.length ? 1 : 0;
}
