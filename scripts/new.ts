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
import { parseArgs } from 'node:util';
import { renderBlueprint } from '../src/lib/content/render-blueprint';
import { slugify } from '../src/lib/contribute/slug';
import {
  audiences, blueprintSchema, careSettings, contentTypes, costBands, domains, evidenceLevels, pillars,
  valuesOf, type Organisation, type Term,
} from '../src/lib/schema';
import { formatProblem, validateContent } from '../src/lib/validate';
import { readCorpus } from '../src/lib/validate/corpus';
import { placeholder } from '../src/lib/validate/rules/placeholders';
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
  --status …             draft (default) or published
  --dir folder           where to write it (default: the content folder's blueprints/)
  --yes                  ask nothing: use the defaults and placeholders for anything not given`;

const root = process.cwd();
const shape = (blueprintSchema as unknown as { in: { shape: Record<string, FieldSchema> } }).in.shape;
type FieldSchema = { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } }; shape?: Record<string, FieldSchema> };

/** Defaults that depend on the domain; `npm run new` prints them so the author checks them. */
const domainDefaults: Record<string, { pillars: string[]; audience: string[] }> = {
  strategy: { pillars: ['well-led'], audience: ['cio', 'board'] },
  workforce: { pillars: ['smart-foundations', 'support-people'], audience: ['cio', 'transformation-lead'] },
  'clinical-leadership': { pillars: ['well-led'], audience: ['ccio', 'cnio'] },
  'technical-build': { pillars: ['smart-foundations'], audience: ['cio', 'it-manager'] },
};

interface Question {
  flag: string;
  ask: string;
  /** The answer's problem, or undefined when it will do. */
  check(answer: string): string | undefined;
  choices?: readonly string[];
  fallback?: () => string;
}

function fieldCheck(schema: FieldSchema) {
  return (answer: string) => {
    const result = schema.safeParse(answer);
    return result.success ? undefined : result.error?.issues[0]?.message;
  };
}

function listCheck(terms: readonly Term[]) {
  const known = valuesOf(terms) as string[];
  return (answer: string) => {
    const unknown = splitList(answer).filter((v) => !known.includes(v));
    return unknown.length ? `${unknown.join(', ')} is not one of ${known.join(', ')}` : splitList(answer).length ? undefined : 'is empty';
  };
}

function splitList(answer: string): string[] {
  return answer.split(',').map((v) => v.trim()).filter(Boolean);
}

async function main(): Promise<number> {
  // 1. Arguments.
  let args;
  try {
    args = parseArgs({
      options: {
        title: { type: 'string' }, type: { type: 'string' }, domain: { type: 'string' }, organisation: { type: 'string' },
        summary: { type: 'string' }, owner: { type: 'string' }, contact: { type: 'string' },
        'key-question': { type: 'string', multiple: true }, pillars: { type: 'string' }, 'care-settings': { type: 'string' },
        audience: { type: 'string' }, 'cost-band': { type: 'string' }, evidence: { type: 'string' }, headline: { type: 'string' },
        start: { type: 'string' }, status: { type: 'string' }, dir: { type: 'string' },
        yes: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const flags = args.values as Record<string, string | string[] | boolean | undefined>;
  const dir = resolve(root, args.values.dir ?? join(contentDir(root), 'blueprints'));

  // 2. What already exists: organisations to choose from, and the files the new one must fit with.
  const existing = readContentFiles(root).files;
  const organisations = new Map(
    readCorpus(existing, nativeMdxParser).entries.filter((e) => e.kind === 'organisation' && e.data).map((e) => [e.slug, e.data as Organisation]),
  );
  const targetOf = (title: string) => join(dir, `${slugify(title)}.mdx`);

  // 3. The questions, in the order a person would answer them.
  const today = new Date().toISOString().slice(0, 10);
  const questions: Question[] = [
    {
      flag: 'title', ask: 'Title: what was done, e.g. "Cutting discharge letter delays from 5 days to 1"',
      check: (a) => fieldCheck(shape.title)(a) ?? (isFile(targetOf(a)) ? `${toProjectPath(root, targetOf(a))} already exists: choose another title, or edit that file` : undefined),
    },
    { flag: 'type', ask: 'Type', choices: valuesOf(contentTypes), check: fieldCheck(shape.type), fallback: () => 'blueprint' },
    { flag: 'domain', ask: 'Domain: the main kind of work', choices: valuesOf(domains), check: fieldCheck(shape.domain) },
    {
      flag: 'organisation', ask: 'Organisation that did the work', choices: [...organisations.keys()].sort(),
      check: (a) => (organisations.has(a) ? undefined : `"${a}" is not a known organisation: add its file to src/content/organisations/ first, or use one of ${[...organisations.keys()].sort().join(', ')}`),
    },
    { flag: 'summary', ask: 'Summary: two or three sentences on what was done, where, and the result', check: fieldCheck(shape.summary), fallback: () => placeholder('two or three sentences on what was done, where, and the result.') },
    { flag: 'owner', ask: 'Owner: the person or team who keeps it up to date', check: fieldCheck(shape.owner.shape!.name), fallback: () => placeholder('the team who keeps this up to date') },
    { flag: 'contact', ask: 'Contact: an email address, or a web address starting https://', check: fieldCheck(shape.contact) },
  ];

  // 4. Answers: flags, then questions in a terminal, then defaults.
  const interactive = Boolean(process.stdin.isTTY) && !args.values.yes;
  const answers: Record<string, string> = {};
  const missing: string[] = [];
  const wrong: string[] = [];
  let prompt: Interface | undefined;
  try {
    for (const q of questions) {
      const given = flags[q.flag];
      if (typeof given === 'string') {
        const problem = q.check(given.trim());
        if (!problem) {
          answers[q.flag] = given.trim();
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
        answers[q.flag] = q.fallback();
      } else {
        missing.push(`--${q.flag}${q.choices ? ` (one of ${q.choices.join(', ')})` : ''}`);
      }
    }
  } finally {
    prompt?.close();
  }

  // Options that are flags only: checked here, defaulted below when not given.
  const options: Record<string, (answer: string) => string | undefined> = {
    pillars: listCheck(pillars),
    'care-settings': listCheck(careSettings),
    audience: listCheck(audiences),
    'cost-band': fieldCheck(shape.cost.shape!.band),
    evidence: fieldCheck(shape.outcome.shape!.evidence),
    headline: fieldCheck(shape.outcome.shape!.headline),
    start: fieldCheck(shape.timeline.shape!.start),
    status: (a) => (['draft', 'published'].includes(a) ? undefined : 'should be draft (the default) or published'),
  };
  for (const [flag, check] of Object.entries(options)) {
    const given = flags[flag];
    const problem = typeof given === 'string' ? check(given.trim()) : undefined;
    if (problem) wrong.push(`--${flag} ${problem}`);
  }
  const keyQuestionsGiven = (flags['key-question'] as string[] | undefined)?.map((q) => q.trim());
  if (keyQuestionsGiven) {
    const result = shape.keyQuestions.safeParse(keyQuestionsGiven);
    if (!result.success) wrong.push(`--key-question ${result.error?.issues[0]?.message}`);
  }
  if (missing.length || wrong.length) {
    for (const w of wrong) console.error(w);
    if (missing.length) console.error(`Missing: ${missing.join(', ')}. Give ${missing.length === 1 ? 'it' : 'them'} as flags, or run npm run new in a terminal to be asked.`);
    console.error(`Nothing was written. npm run new -- --help lists every option.`);
    return 1;
  }

  // 5. The front-matter: answers, then defaults, then placeholders the author must replace.
  const organisation = organisations.get(answers.organisation)!;
  const defaults = domainDefaults[answers.domain];
  const text = (flag: string) => (typeof flags[flag] === 'string' ? (flags[flag] as string).trim() : undefined);
  const guessed: string[] = [];
  const listOr = (flag: string, field: string, fallback: string[]) => {
    const given = text(flag);
    if (given) return splitList(given);
    guessed.push(field);
    return fallback;
  };
  const cost = text('cost-band') ?? 'under-50k';
  if (!text('cost-band')) guessed.push('cost.band');
  const start = text('start') ?? today.slice(0, 7);
  if (!text('start')) guessed.push('timeline.start');
  const data: Record<string, unknown> = {
    type: answers.type,
    domain: answers.domain,
    title: answers.title,
    summary: answers.summary,
    keyQuestions: keyQuestionsGiven ?? [placeholder('which question does this blueprint answer?')],
    organisation: answers.organisation,
    pillars: listOr('pillars', 'pillars', defaults.pillars),
    careSettings: listOr('care-settings', 'careSettings', [organisation.careSetting]),
    audience: listOr('audience', 'audience', defaults.audience),
    cost: { band: cost },
    outcome: {
      evidence: text('evidence') ?? 'anecdotal',
      headline: text('headline') ?? placeholder('the headline result, with a number if you have one'),
    },
    timeline: { start },
    published: today,
    owner: { name: answers.owner },
    contact: answers.contact,
    status: text('status') ?? 'draft',
    illustrative: organisation.illustrative,
  };
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
  const placeholders = source.split('\n').filter((line) => line.includes('Replace this')).length;
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
}

/** Asks until the answer will do. Choices may be answered by number or by value. */
async function ask(prompt: Interface, q: Question): Promise<string> {
  const choices = q.choices ?? [];
  const menu = choices.length ? `\n${choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n')}\n` : ' ';
  const fallback = q.fallback?.();
  const hint = fallback && !fallback.startsWith('Replace this') ? ` [${fallback}]` : fallback ? ' [leave empty to fill in later]' : '';
  // Bounded: a person gets ten tries before the command gives up.
  for (let attempt = 0; attempt < 10; attempt++) {
    let answer = (await prompt.question(`${q.ask}${hint}:${menu}> `)).trim();
    if (!answer && fallback) return fallback;
    if (/^\d+$/.test(answer) && choices[Number(answer) - 1]) answer = choices[Number(answer) - 1];
    const problem = q.check(answer);
    if (!problem) return answer;
    console.log(`  ${q.flag} ${problem}`);
  }
  throw new Error(`No usable answer for ${q.flag} after 10 tries`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
