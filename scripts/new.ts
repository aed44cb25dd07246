/**
 * npm run new [-- --title "…" --domain … --organisation … --contact … [options]]
 *
 * Starts a new blueprint: asks for the essentials (or takes them as flags), then writes a
 * skeleton with the standard sections to src/content/blueprints/<slug-from-title>.mdx:
 *  1. reads the answers: flags first, then questions when run in a terminal, then defaults;
 *  2. fills the fields the schema insists on with clearly marked placeholders, status: draft;
 *  3. checks the result with the same validator as the build, and writes nothing if it fails;
 *  4. writes the file (never over an existing one) and prints what to do next.
 *
 * Each section of the skeleton holds its prompt as an MDX comment, which renders nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import { renderBlueprint } from '../src/lib/content/render-blueprint';
import {
  answerProblem, newBlueprintQuestions, skeletonFrontMatter, statusProblem, type NewBlueprintQuestion,
} from '../src/lib/contribute/new-blueprint';
import { slugFromTitle } from '../src/lib/contribute/draft';
import { contentTypes, costBands, domains, evidenceLevels, statuses, valuesOf, type Organisation } from '../src/lib/schema';
import { formatProblem, validateContent } from '../src/lib/validate';
import { readCorpus } from '../src/lib/validate/corpus';
import { placeholderMarker } from '../src/lib/validate/rules/placeholders';
import { runCommand } from './lib/cli';
import { contentDir, isFile, readContentFiles, toProjectPath } from '../src/node/content-files';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const usage = `Usage: npm run new [-- options]
Asks for anything not given, when run in a terminal. Options:
  --title "…"            what was done, e.g. "Cutting discharge letter delays from 5 days to 1"
  --type …               ${valuesOf(contentTypes).join(' or ')} (default blueprint)
  --domain …             ${valuesOf(domains).join(', ')}
  --organisation …       the organisation's file name in src/content/organisations/
  --summary "…"          two or three sentences: what, where, result
  --owner "…"            the person or team who keeps it up to date
  --contact …            an email address, or a web address starting https://
  --key-question "…"     a question it answers (repeat for more, up to 5)
  --pillars a,b          What Good Looks Like pillars   --care-settings a,b   --audience a,b
  --cost-band …          ${valuesOf(costBands).join(', ')}
  --evidence …           ${valuesOf(evidenceLevels).join(', ')} (default anecdotal)
  --headline "…"         the headline result        --start YYYY-MM   when the work started
  --status …             ${valuesOf(statuses).join(', ')} (default draft)
  --dir folder           where to write it (default: the content folder's blueprints/)
  --yes                  ask nothing: use the defaults and placeholders for anything not given`;

const root = process.cwd();

/** A question as the terminal asks it: its own check, and the choices to pick from by number. */
interface Asked extends NewBlueprintQuestion {
  check(answer: string): string | undefined;
  choices?: readonly string[];
}

const options = {
  ...Object.fromEntries(newBlueprintQuestions.map((q) => [q.flag, { type: 'string' as const, multiple: q.flag === 'key-question' }])),
  status: { type: 'string' }, dir: { type: 'string' }, yes: { type: 'boolean', default: false },
} as const;

await runCommand({ usage, options }, async ({ values }) => {
  // 1. Arguments.
  const flags = values as Record<string, string | string[] | boolean | undefined>;
  const text = (flag: string) => (typeof flags[flag] === 'string' ? (flags[flag] as string).trim() : undefined);
  const dir = resolve(root, text('dir') ?? join(contentDir(root), 'blueprints'));

  // 2. What already exists: organisations to choose from, and the files the new one must fit with.
  const existing = readContentFiles(root).files;
  const organisations = new Map(
    readCorpus(existing, nativeMdxParser).entries.filter((e) => e.kind === 'organisation' && e.data).map((e) => [e.slug, e.data as Organisation]),
  );
  const known = [...organisations.keys()].sort();
  const targetOf = (title: string) => join(dir, `${slugFromTitle(title)}.mdx`);

  // 3. The questions, each checked by the schema; the title must name a new file, the organisation a known one.
  const today = new Date().toISOString().slice(0, 10);
  const asked: Asked[] = newBlueprintQuestions.filter((q) => q.asked).map((q) => {
    if (q.flag === 'title') {
      return { ...q, check: (a: string) => answerProblem(q.question, a) ?? (isFile(targetOf(a)) ? `${toProjectPath(root, targetOf(a))} already exists: choose another title, or edit that file` : undefined) };
    }
    if (q.flag === 'organisation') {
      return { ...q, choices: known, check: (a: string) => (organisations.has(a) ? undefined : `"${a}" is not a known organisation: add its file to src/content/organisations/ first, or use one of ${known.join(', ')}`) };
    }
    return { ...q, choices: q.question.terms ? valuesOf(q.question.terms) : undefined, check: (a: string) => answerProblem(q.question, a) };
  });

  // 4. Answers: flags, then questions in a terminal, then defaults.
  const interactive = Boolean(process.stdin.isTTY) && !flags.yes;
  const answers: Record<string, string> = {};
  const missing: string[] = [];
  const wrong: string[] = [];
  let prompt: Interface | undefined;
  try {
    for (const q of asked) {
      const given = text(q.flag);
      if (given !== undefined) {
        const problem = q.check(given);
        if (!problem) {
          answers[q.flag] = given;
          continue;
        }
        if (!interactive) {
          wrong.push(`--${q.flag} ${problem}`);
          continue;
        }
        console.log(`--${q.flag} ${problem}`);
      }
      if (interactive) {
        prompt ??= createInterface({ input: process.stdin, output: process.stdout });
        answers[q.flag] = await ask(prompt, q);
      } else if (q.fallback) {
        answers[q.flag] = q.fallback;
      } else {
        missing.push(`--${q.flag}${q.choices ? ` (one of ${q.choices.join(', ')})` : ''}`);
      }
    }
  } finally {
    prompt?.close();
  }

  // Options that are flags only: checked here, defaulted below when not given.
  for (const q of newBlueprintQuestions.filter((x) => !x.asked)) {
    const given = flags[q.flag];
    const answer = Array.isArray(given) ? given.map((g) => g.trim()) : typeof given === 'string' ? given.trim() : undefined;
    const problem = answer === undefined ? undefined : answerProblem(q.question, answer);
    if (problem) wrong.push(`--${q.flag} ${problem}`);
  }
  const status = text('status');
  if (status !== undefined && statusProblem(status)) wrong.push(`--status ${statusProblem(status)}`);
  if (missing.length || wrong.length) {
    for (const w of wrong) console.error(w);
    if (missing.length) console.error(`Missing: ${missing.join(', ')}. Give ${missing.length === 1 ? 'it' : 'them'} as flags, or run npm run new in a terminal to be asked.`);
    console.error(`Nothing was written. npm run new -- --help lists every option.`);
    return 1;
  }

  // 5. The front-matter: answers, then defaults, then placeholders the author must replace.
  const { data, guessed } = skeletonFrontMatter({
    answers,
    given: text,
    keyQuestions: (flags['key-question'] as string[] | undefined)?.map((k) => k.trim()),
    organisation: organisations.get(answers.organisation)!,
    today,
  });
  const source = renderBlueprint(data);

  // 6. Check it as the build would, alongside everything that exists; write nothing if it fails.
  const target = targetOf(answers.title);
  const path = toProjectPath(root, target);
  const { problems } = validateContent([...existing, { path, source, kind: 'blueprint' }], { parser: nativeMdxParser, only: new Set([path]) });
  if (problems.length) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`✗ The new blueprint would have ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was written. Fix the answers above and run npm run new again.`);
    return 1;
  }

  // 7. Write it, never over an existing file ("wx" fails if the file appeared meanwhile).
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EEXIST' ? `${path} already exists: choose another title, or edit that file. Nothing was written.` : `Could not write ${path}: ${(error as Error).message}`);
    return 1;
  }

  // 8. What next.
  const placeholders = source.split('\n').filter((line) => line.includes(placeholderMarker)).length;
  console.log(
    [
      `✓ Wrote ${path} (status: ${data.status})`,
      '',
      'Next:',
      `  1. Write each section. The {/* … */} comments say what goes there; delete them as you go.`,
      placeholders ? `  2. Replace the ${placeholders} "Replace this" placeholder${placeholders === 1 ? '' : 's'} in the front-matter.` : '  2. Read the front-matter through.',
      guessed.length ? `  3. Check these defaults fit: ${guessed.join(', ')}.` : '  3. Add capabilities, standards, partners and sources if they apply.',
      `  4. Run npm run validate ${path}`,
      `  5. When it is ready, set status: published and send it with npm run contribute -- ${path}`,
    ].join('\n'),
  );
  return 0;
});

/** Asks until the answer will do. Choices may be answered by number or by value. */
async function ask(prompt: Interface, q: Asked): Promise<string> {
  const choices = q.choices ?? [];
  const menu = choices.length ? `\n${choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n')}\n` : ' ';
  const hint = q.fallback && !q.fallback.startsWith(placeholderMarker) ? ` [${q.fallback}]` : q.fallback ? ' [leave empty to fill in later]' : '';
  const question = `${q.question.label}${q.question.hint ? ` (${q.question.hint})` : ''}`;
  // Bounded: a person gets ten tries before the command gives up.
  for (let attempt = 0; attempt < 10; attempt++) {
    let answer = (await prompt.question(`${question}${hint}:${menu}> `)).trim();
    if (!answer && q.fallback) return q.fallback;
    if (/^\d+$/.test(answer) && choices[Number(answer) - 1]) answer = choices[Number(answer) - 1];
    const problem = q.check(answer);
    if (!problem) return answer;
    console.log(`  ${q.flag} ${problem}`);
  }
  throw new Error(`No usable answer for ${q.flag} after 10 tries`);
}
