/**
 * npm run generate:issue-form [-- --check]
 *
 * Writes .github/ISSUE_TEMPLATE/propose-blueprint.yml from the schema's taxonomy and the body
 * sections, so the form always offers exactly the values the validator accepts. With --check,
 * writes nothing and exits 1 if the committed file is out of date (tests/unit checks the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateIssueForm, issueFormFile } from '../src/lib/contribute/issue-form';

const target = resolve(process.cwd(), issueFormFile);
const wanted = generateIssueForm();
let current: string | undefined;
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = undefined;
}

if (process.argv.includes('--check')) {
  if (current === wanted) console.log(`✓ ${issueFormFile} is up to date`);
  else console.error(`✗ ${issueFormFile} is out of date: run npm run generate:issue-form and commit the result`);
  process.exitCode = current === wanted ? 0 : 1;
} else if (current === wanted) {
  console.log(`${issueFormFile} is already up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, wanted);
  console.log(`Wrote ${issueFormFile}`);
}
