/**
 * npm run generate:issue-form [-- --check]
 *
 * Writes the issue forms in .github/ISSUE_TEMPLATE/ from their question lists: "Propose a
 * blueprint" from the contribution questions, the taxonomy and the body sections, "We are
 * using this" from the adoption questions, and "Feedback on a page" from the feedback questions, so each form always offers exactly the values the
 * validator accepts. With --check, writes nothing and exits 1 if a committed form is out of date
 * (tests/unit checks the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { issueForms, issueFormYaml } from '../src/lib/contribute/issue-form';
import { runCommand } from './lib/cli';

const usage = 'Usage: npm run generate:issue-form [-- --check]';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

await runCommand({ usage, options: { check: { type: 'boolean', default: false } } }, ({ values }) => {
  let outOfDate = 0;
  for (const form of issueForms) {
    const target = resolve(process.cwd(), form.file);
    const wanted = issueFormYaml(form);
    const current = read(target);
    if (current === wanted) {
      console.log(`✓ ${form.file} is up to date`);
    } else if (values.check) {
      console.error(`✗ ${form.file} is out of date: run npm run generate:issue-form and commit the result`);
      outOfDate++;
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, wanted);
      console.log(`Wrote ${form.file}`);
    }
  }
  return outOfDate ? 1 : 0;
});
