/**
 * Runs the content validator before Astro reads any content, so a bad or unsafe file stops the
 * build with the same messages `npm run validate` prints, and never reaches the built site.
 * It must run before the content layer syncs: MDX import/export and expressions execute when
 * the content is compiled. In a build, what it read and passed is what the site is made from
 * (./judged-content.ts).
 */
import type { AstroIntegration } from 'astro';
import { realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentFolder, contentDir } from '../node/content-files';
import { definedAcronymGroups } from '../lib/search/defined-acronyms';
import { searchEntries, type SearchEntry } from '../lib/search/from-corpus';
import { leaveDefinedAcronyms } from './defined-acronyms-slot';
import { formatProblem } from '../lib/validate';
import { nativeMdxParser } from '../lib/validate/native-parser';
import type { Corpus } from '../lib/validate/corpus';
import { judgedBytes, judgedContent, leaveJudgedContent, releaseStoredData, type JudgedContent } from './judged-content';

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
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        passed = undefined;
        leaveJudgedContent(undefined);
        // Warnings stop nothing, so the build leaves them to `npm run validate` (about 1 s at 1,000 blueprints).
        const { corpus, problems } = checkContentFolder(root, [], { parser: nativeMdxParser, warnings: false });
        leaveDefinedAcronyms(undefined);
        if (problems.length === 0) {
          const entries = searchEntries(corpus);
          // Found once, from the checked entries, for the worker and the pages alike.
          leaveDefinedAcronyms(definedAcronymGroups(entries));
          if (command === 'build') {
            passed = entries;
            // The build is made from what was judged here, read once (./judged-content.ts).
            const judged = judgedFiles(root, corpus);
            leaveJudgedContent(judged);
            updateConfig({ vite: { plugins: [judgedBytes(judged, root)] } });
          }
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
      'astro:build:start': () => {
        const judged = judgedContent();
        if (judged) releaseStoredData(judged);
      },
      'astro:build:done': () => leaveJudgedContent(undefined),
    },
  };
}

/** The files the gate passed, by real path, for the build to use instead of reading them again. */
function judgedFiles(root: string, corpus: Corpus): JudgedContent {
  const named = contentDir(root);
  // Vite names modules by their real path; the gate refuses links inside the folder, not above it.
  const folder = realpathSync(named);
  const files: JudgedContent['files'] = new Map();
  for (const entry of corpus.entries) {
    const path = join(folder, relative(named, resolve(root, entry.file.path)));
    files.set(path, { path: entry.file.path, source: entry.file.source, kind: entry.kind, slug: entry.slug, data: entry.data, body: entry.parsed.body });
  }
  return { folder, named: named === folder ? undefined : named, files };
}
