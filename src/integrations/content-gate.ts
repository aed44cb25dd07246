/**
 * Runs the content validator before Astro reads any content, so a bad or unsafe file stops the
 * build with the same messages `npm run validate` prints, and never reaches the built site.
 * It must run before the content layer syncs: MDX import/export and expressions execute when
 * the content is compiled.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContentFolder } from '../node/content-files';
import { definedAcronymGroups } from '../lib/search/defined-acronyms';
import { searchEntries, type SearchEntry } from '../lib/search/from-corpus';
import { leaveDefinedAcronyms } from './defined-acronyms-slot';
import { formatProblem } from '../lib/validate';
import { nativeMdxParser } from '../lib/validate/native-parser';

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
        // Warnings stop nothing, so the build leaves them to `npm run validate` (about 1 s at 1,000 blueprints).
        const { corpus, problems } = checkContentFolder(root, [], { parser: nativeMdxParser, warnings: false });
        leaveDefinedAcronyms(undefined);
        if (problems.length === 0) {
          const entries = searchEntries(corpus);
          // Found once, from the checked entries, for the worker and the pages alike.
          leaveDefinedAcronyms(definedAcronymGroups(entries));
          if (command === 'build') passed = entries;
          logger.info('content checked: no problems');
          return;
        }
        const list = problems.map((p) => formatProblem(p)).join('\n');
        const error = new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'} stop the build:\n${list}\nFix each one, then build again. \`npm run validate\` shows the same list.`);
        // Astro prints an error's stack trace, and a "location" it reads from the stack's first
        // line, which here is the first problem's text: without a stack, the list is the message.
        error.stack = '';
        throw error;
      },
    },
  };
}
