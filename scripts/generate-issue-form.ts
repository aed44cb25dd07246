/**
 * npm run generate:issue-form [-- --check]
 *
 * Writes .github/ISSUE_TEMPLATE/propose-blueprint.yml from the contribution questions, the
 * taxonomy and the body sections, so the form always offers exactly the values the validator
 * accepts. With --check,
 * writes nothing and exits 1 if the committed file is out of date (tests/unit checks the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateIssueForm, issueFormFile } from '../src/lib/contribute/issue-form';
import { runCommand } from './lib/cli';

const usage = 'Usage: npm run generate:issue-form [-- --check]';

await runCommand({ usage, options: { check: { type: 'boolean', default: false } } }, ({ values }) => {
  const target = resolve(process.cwd(), issueFormFile);
  const wanted = generateIssueForm();
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (values.check) {
    if (current === wanted) console.log(`✓ ${issueFormFile} is up to date`);
    else console.error(`✗ ${issueFormFile} is out of date: run npm run generate:issue-form and commit the result`);
    return current === wanted ? 0 : 1;
  }
  if (current === wanted) {
    console.log(`${issueFormFile} is already up to date`);
    return 0;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, wanted);
  console.log(`Wrote ${issueFormFile}`);
  return 0;
});
