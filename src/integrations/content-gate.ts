/**
 * Runs the content validator before Astro reads any content, so a bad or unsafe file stops the
 * build with the same messages `npm run validate` prints, and never reaches the built site.
 * It must run before the content layer syncs: MDX import/export and expressions execute when
 * the content is compiled.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../../scripts/lib/content-files';
import { searchEntries, type SearchEntry } from '../lib/search/from-corpus';
import { formatProblem, validateContent } from '../lib/validate';
import './native-mdx';

/** What the last check passed, as search needs it, kept for the search-data worker (./search-data.ts). */
let passed: SearchEntry[] | undefined;

/** The content the gate passed in this build, once: the build does not carry it afterwards. */
export function takePassedContent(): SearchEntry[] | undefined {
  const entries = passed;
  passed = undefined;
  return entries;
}

export function contentGate(): AstroIntegration {
  return {
    name: 'blueprint-commons:content-gate',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        passed = undefined;
        const { corpus, problems } = validateContent(readContentFiles(root));
        if (problems.length === 0) {
          if (command === 'build') passed = searchEntries(corpus);
          logger.info('content checked: no problems');
          return;
        }
        const list = problems.map(formatProblem).join('\n');
        throw new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'} stop the build:\n${list}\nFix each one, then build again. \`npm run validate\` shows the same list.`);
      },
    },
  };
}
