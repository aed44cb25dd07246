/**
 * What the page-weight budgets measure, for the built site's own test (tests/build/budgets.test.ts)
 * and for the pages that load a form only when the site is built with the gateway
 * (tests/e2e/contribute-gateway.test.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KiB = 1024;
/** JavaScript a page loads as it opens: its scripts and every module they import statically. */
export const scriptBudget = 20 * KiB;
export const draftingFormScriptBudget = 70 * KiB;

/** zlib's default level, as web servers commonly use; level 9 would flatter the numbers. */
export const gzipped = (data: Buffer | string) => gzipSync(data).length;

/** A built module and those it imports statically (`from"./x.js"`, `import"./x.js"`), into `into`. */
export function importedModules(file: string, into: Set<string>): void {
  if (into.has(file)) return;
  into.add(file);
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) {
    importedModules(join(dirname(file), name), into);
  }
}
