// Indexes the built pages with Pagefind's command line after the build, as the real site does
// (src/integrations/pagefind-index.ts): the npm package's runner, as `npx pagefind` runs it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runner = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');

export function pagefindIndex() {
  return {
    name: 'baseline:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const args = [runner, '--site', site, '--force-language', 'en', '--output-path', join(site, 'pagefind'), '--silent'];
        await new Promise((resolve, reject) => {
          execFile(process.execPath, args, { cwd: site, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
            error ? reject(new Error(`Pagefind could not index the site: ${stderr || stdout || error.message}`)) : resolve(undefined),
          );
        });
        // The benchmark finds the end of this phase by this line (scripts/bench/measure.ts).
        const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
        const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
        logger.info(`indexed ${pages} pages`);
      },
    },
  };
}
