/**
 * Synthetic content for the build benchmark: N blueprints and the organisations they name,
 * written by the same renderer `npm run new` uses, so every file has the real shape. The same
 * N and seed always give the same files, and blueprint i is the same whatever N is as long as the
 * organisation count is the same.
 *
 * Every file must pass the real validator (tests/unit/bench-generate.test.ts checks 50).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { renderBlueprint } from '../../src/lib/content/render-blueprint';
import { blueprintSections } from '../../src/lib/content/sections';
import { minimumWhatWentWrongWords } from '../../src/lib/content/what-went-wrong';
import {
  audiences, capabilities, careSettings, costBands, domains, evidenceLevels, fundingSources, pillars, regions,
  standards, suppliers, valuesOf,
} from '../../src/lib/schema/taxonomy';
import { Random, mixSeed } from './random';
import * as w from './words';

export const defaultSeed = 20_260_601;

/** Where synthetic files go inside the content folder, so they never mix with bundled ones. */
export const syntheticBlueprintFolder = 'blueprints/bench';

export interface GeneratedFile {
  /** Path inside the content folder, e.g. "blueprints/bench/x.mdx". */
  path: string;
  source: string;
}

/** One organisation for every ten blueprints: most organisations publish a handful, a few publish many. */
export function organisationCount(blueprints: number): number {
  return Math.max(2, Math.ceil(blueprints / 10));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const withoutThe = (s: string) => s.replace(/^the /, '');
const kebab = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Generated blueprints are illustrative, and a made-up organisation was never evaluated from outside. */
const illustrativeEvidence = valuesOf(evidenceLevels).filter((e) => e !== 'independently-evaluated');

function properName(r: Random): string {
  return `${r.pick(w.syllables.start)}${r.pick(w.syllables.middle)}${r.pick(w.syllables.end)}`;
}

function month(r: Random, fromYear: number, toYear: number): string {
  return `${r.int(fromYear, toYear)}-${String(r.int(1, 12)).padStart(2, '0')}`;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Organisations

interface SyntheticOrganisation {
  slug: string;
  name: string;
  shortName: string;
  /**
   * One digital history per organisation, so its blueprints agree with each other as the
   * organisation-facts rule requires: one EPR supplier, an EPR from `eprYear` on, and an EMRAM
   * stage that rises with the year.
   */
  eprSupplier: string;
  eprYear: number;
}

function organisationAt(index: number, seed: number): SyntheticOrganisation & { data: Record<string, unknown> } {
  const r = new Random(mixSeed(seed, 1, index));
  const shortName = properName(r);
  const [kind, careSetting] = r.pick(w.orgKinds);
  const name = `${shortName} ${kind}`;
  const slug = `${kebab(name)}-${index + 1}`;
  // A separate stream, so the history leaves the organisations' other values as they were.
  const history = new Random(mixSeed(seed, 4, index));
  const eprSupplier = history.pick(valuesOf(suppliers).filter((v) => v !== 'none'));
  const eprYear = history.int(2014, 2026);
  const data = {
    name,
    shortName,
    odsCode: `XB${index.toString(36).toUpperCase().padStart(3, '0')}`,
    careSetting,
    region: r.pick(valuesOf(regions)),
    programme: r.weighted([['none', 6], ['gde', 1], ['fast-follower', 1], ['digital-aspirant', 2], ['frontline-digitisation', 2]] as const),
    description: `A made-up ${careSetting.replace(/-/g, ' ')} organisation, generated for the build benchmark.`,
    illustrative: true,
  };
  return { slug, name, shortName, eprSupplier, eprYear, data };
}

export function generateOrganisations(count: number, seed = defaultSeed): (SyntheticOrganisation & { file: GeneratedFile })[] {
  const orgs = Array.from({ length: count }, (_, i) => organisationAt(i, seed));
  // Pair some organisations up, as GDEs were paired with Fast Followers.
  return orgs.map((org, i) => {
    const partner = orgs[(i + 1) % count];
    const data = i % 4 === 0 && partner.slug !== org.slug ? { ...org.data, partners: [partner.slug] } : org.data;
    return { slug: org.slug, name: org.name, shortName: org.shortName, eprSupplier: org.eprSupplier, eprYear: org.eprYear, file: { path: `organisations/${org.slug}.yaml`, source: stringify(data) } };
  });
}

// ---------------------------------------------------------------------------------------------
// Prose

/** A sentence drawing a lesson, which every "what went wrong" section needs (src/lib/content/what-went-wrong.ts). */
function lesson(r: Random): string {
  const [, base] = r.zipf(w.verbs);
  return `Next time we would ${base} ${r.zipf(w.things)} earlier and involve ${r.zipf(w.teams)} from the start.`;
}

/** One sentence of plausible blueprint prose. */
function sentence(r: Random, place: string): string {
  const team = r.zipf(w.teams);
  const other = r.zipf(w.teams);
  const [past, base] = r.zipf(w.verbs);
  const thing = r.zipf(w.things);
  const templates: (() => string)[] = [
    () => `${r.pick(w.connectors)}, ${team} ${past} ${thing} ${r.pick(w.times)}.`,
    () => `${capitalise(team)} ${past} ${thing} on ${r.int(2, 60)} ${r.pick(w.places)} ${r.pick(w.times)}, which meant ${r.zipf(w.outcomes)}.`,
    () => `We ${past} ${thing} because ${r.zipf(w.problems)} was costing ${other} about ${r.int(2, 40)} hours a week.`,
    () => `The biggest problem was ${r.zipf(w.problems)}: ${team} ${past} ${thing} to fix it.`,
    () => `${capitalise(team)} at ${place} ${past} ${thing} first, and ${other} followed ${r.pick(w.times)}.`,
    () => `This led to ${r.zipf(w.outcomes)} and ${r.zipf(w.outcomes)}.`,
    () => lesson(r),
    () => `About ${r.int(20, 98)}% of ${team} used ${thing} within ${r.pick(w.numberWords)} weeks.`,
    () => `Each ward had a named lead, so ${team} knew who to ask about ${withoutThe(thing)}.`,
    () => `${capitalise(other)} asked us to ${base} ${thing} again after ${r.zipf(w.problems)} came up on ${r.int(2, 12)} ${r.pick(w.places)}.`,
    () => `We kept ${thing} simple, because ${r.zipf(w.problems)} had sunk an earlier attempt.`,
    () => `${r.pick(w.connectors)}, the ward staff said ${thing} saved them ${r.int(5, 45)} minutes a shift.`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Random, place: string, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r, place)).join(' ');
}

function bullets(r: Random, count: number, numbered = false): string {
  return Array.from({ length: count }, (_, i) => {
    const [, base] = r.zipf(w.verbs);
    return `${numbered ? `${i + 1}.` : '-'} ${capitalise(base)} ${r.zipf(w.things)} ${r.pick(w.times)}.`;
  }).join('\n');
}

function costTable(r: Random): string {
  const rows = r.sample(w.costItems, r.int(3, 6)).map((item) => `| ${item} | £${r.int(5, 400)}k | ${r.pick(w.funders)} |`);
  return ['| Item | Cost | Funded by |', '| --- | ---: | --- |', ...rows].join('\n');
}

function resources(r: Random, slug: string): string {
  return r
    .sample(w.resourceTitles, r.int(2, 4))
    .map((title) => `- [${title}](https://www.example.nhs.uk/${slug}/${kebab(title)})`)
    .join('\n');
}

/**
 * The body's sections, keyed by their standard heading. Lists, the table and the Callout are
 * written first; prose then fills the rest of the word budget, sentence by sentence.
 */
function sections(r: Random, slug: string, place: string, budget: number): Record<string, string> {
  const [starting, did, people, leadership, tech, costs, benefits, wrong, adopt, resourcesHeading] = blueprintSections.map((s) => s.heading);
  const extras = {
    did: bullets(r, r.int(3, 5), true),
    people: r.sample(w.teams, r.int(3, 5)).map((t) => `- ${r.int(1, 6)} WTE from ${t}`).join('\n'),
    tech: bullets(r, r.int(2, 4)),
    costs: costTable(r),
    benefits: r.sample(w.outcomes, r.int(2, 4)).map((o) => `- ${capitalise(o)}: ${r.int(5, 60)}% over ${r.pick(w.numberWords)} months`).join('\n'),
    adopt: `<Callout>${sentence(r, place)}</Callout>\n\n${bullets(r, r.int(2, 4), true)}`,
    resources: resources(r, slug),
  };
  const left = budget - countWords(Object.values(extras).join('\n'));
  // Rough share of the prose each section takes in real blueprints.
  const share = [1, 2, 1, 1, 1, 0.7, 1, 1.2, 1];
  const total = share.reduce((a, b) => a + b, 0);
  const prose = (i: number, atLeast = 0): string[] => {
    const target = Math.max(atLeast, (left * share[i]) / total);
    const sentences: string[] = [];
    let words = 0;
    while (words < target) {
      const s = sentence(r, place);
      sentences.push(s);
      words += countWords(s);
    }
    const paragraphs: string[] = [];
    while (sentences.length > 0) paragraphs.push(sentences.splice(0, r.int(2, 4)).join(' '));
    return paragraphs;
  };
  const phases = prose(1).map((p, i) => `### Phase ${i + 1}: ${r.pick(w.titleVerbs).toLowerCase()} ${withoutThe(r.zipf(w.things))}\n\n${p}`);
  return {
    [starting]: prose(0).join('\n\n'),
    [did]: `${phases.join('\n\n')}\n\n${extras.did}`,
    [people]: `${prose(2).join('\n\n')}\n\n${extras.people}`,
    [leadership]: prose(3).join('\n\n'),
    [tech]: `${prose(4).join('\n\n')}\n\n${extras.tech}`,
    [costs]: `${prose(5).join('\n\n')}\n\n${extras.costs}`,
    [benefits]: `${prose(6).join('\n\n')}\n\n${extras.benefits}`,
    [wrong]: [...prose(7, minimumWhatWentWrongWords), lesson(r)].join('\n\n'),
    [adopt]: `${prose(8).join('\n\n')}\n\n${extras.adopt}`,
    [resourcesHeading]: extras.resources,
  };
}

/** Words a reader reads: runs of letters or digits, ignoring Markdown and MDX punctuation. */
export function countWords(text: string): number {
  return text
    .replace(/<\/?Callout>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

/** The body of a blueprint source: everything after the front-matter. */
export function bodyOf(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '');
}

// ---------------------------------------------------------------------------------------------
// Blueprints

function titleAndSlug(index: number, seed: number): { title: string; slug: string } {
  const r = new Random(mixSeed(seed, 2, index));
  const verb = r.pick(w.titleVerbs);
  const thing = withoutThe(r.zipf(w.things, 0.3));
  const title = r.pick([
    () => `${verb} ${thing} on ${r.int(3, 80)} ${r.pick(w.places)}`,
    () => `${verb} ${thing} in ${r.pick(w.numberWords)} months`,
    () => `${verb} ${thing} across ${properName(r)} ${r.pick(w.places)}`,
    () => `${verb} ${thing} to cut ${r.pick(w.problems)}`,
    () => `${verb} ${thing} with ${r.pick(w.teams).replace(/^the /, '')}`,
  ])();
  const slug = `${kebab(title).split('-').slice(0, 7).join('-')}-${index + 1}`;
  return { title, slug };
}

function question(r: Random): string {
  const [, base] = r.zipf(w.verbs);
  const thing = r.zipf(w.things);
  return r.pick([
    () => `How do we ${base} ${thing} without ${r.zipf(w.problems)}?`,
    () => `What does ${withoutThe(thing)} need in place first?`,
    () => `Who should own ${thing} after go-live?`,
    () => `How long does it take to ${base} ${thing} ${r.pick(w.times)}?`,
    () => `What did ${withoutThe(thing)} cost across ${r.int(2, 40)} ${r.pick(w.places)}?`,
  ])();
}

interface BlueprintContext {
  seed: number;
  count: number;
  organisations: readonly SyntheticOrganisation[];
  slugs: readonly string[];
}

/** The organisation's EMRAM stage in a year: 0 or 1 before its EPR, then a stage a year, up to 6. */
function emramStageIn(org: SyntheticOrganisation, year: number): number {
  return year < org.eprYear ? Math.min(1, Math.max(0, year - 2015)) : Math.min(6, 2 + year - org.eprYear);
}

function blueprintAt(index: number, ctx: BlueprintContext, attempt = 0): GeneratedFile {
  const r = new Random(mixSeed(ctx.seed, 3, index, attempt));
  const { title, slug } = titleAndSlug(index, ctx.seed);
  const org = r.zipf(ctx.organisations, 0.6);
  const others = ctx.organisations.filter((o) => o.slug !== org.slug);
  const place = properName(r);
  const published = new Date(Date.UTC(r.int(2019, 2025), r.int(0, 11), r.int(1, 28)));
  const lastReviewed = new Date(published.getTime() + r.int(0, 300) * 86_400_000);
  const start = month(r, 2016, 2023);
  const startYear = Number(start.slice(0, 4));
  const relatedPool = ctx.slugs.filter((s) => s !== slug);
  const data: Record<string, unknown> = {
    type: r.chance(0.12) ? 'redprint' : 'blueprint',
    domain: r.pick(valuesOf(domains)),
    title,
    summary: `${org.shortName} ${r.zipf(w.verbs)[0]} ${r.zipf(w.things)} on ${r.int(2, 60)} ${r.pick(w.places)} ${r.pick(w.times)}. ${capitalise(r.zipf(w.outcomes))} followed, and ${r.zipf(w.teams)} now treat it as routine.`,
    keyQuestions: Array.from({ length: r.int(1, 4) }, () => question(r)).filter((q, i, all) => all.indexOf(q) === i),
    organisation: org.slug,
    partners: r.chance(0.3) ? r.sample(others, r.int(1, 2)).map((o) => o.slug) : [],
    pillars: r.sample(valuesOf(pillars), r.int(1, 3)),
    capabilities: r.sample(valuesOf(capabilities), r.int(0, 4)),
    careSettings: r.sample(valuesOf(careSettings), r.int(1, 2)),
    // Some work involves no EPR; the rest names the organisation's one supplier.
    eprSupplier: r.chance(1 / valuesOf(suppliers).length) ? 'none' : org.eprSupplier,
    standards: r.sample(valuesOf(standards), r.int(0, 4)),
    audience: r.sample(valuesOf(audiences), r.int(1, 4)),
    startingPoint: {
      ...(r.chance(0.6) ? { emramStage: emramStageIn(org, startYear) } : {}),
      ...(r.chance(0.4) ? { dmaScore: r.int(10, 45) / 10 } : {}),
      eprInPlace: startYear >= org.eprYear,
      problem: capitalise(`${r.zipf(w.problems)} on ${r.int(2, 40)} ${r.pick(w.places)} meant ${r.zipf(w.teams)} could not rely on ${r.zipf(w.things)}.`),
    },
    cost: { band: r.pick(valuesOf(costBands)), note: `${r.sample(w.costItems, 2).join(' and ')} for ${r.pick(w.numberWords)} months.` },
    // From a stream of its own, so adding the field left every other generated value as it was.
    funding: new Random(mixSeed(ctx.seed, 5, index)).sample(valuesOf(fundingSources), 1 + (index % 3)),
    outcome: { evidence: r.pick(illustrativeEvidence), headline: capitalise(`${r.zipf(w.outcomes)}: ${r.int(5, 60)}% better in the first year.`) },
    timeline: r.chance(0.8) ? { start, end: `${Number(start.slice(0, 4)) + r.int(1, 2)}${start.slice(4)}` } : { start },
    published: isoDay(published),
    lastReviewed: isoDay(lastReviewed),
    owner: { name: capitalise(withoutThe(r.zipf(w.teams))), role: r.pick(['Chief clinical information officer', 'Chief nursing information officer', 'Head of digital', 'Programme manager']) },
    contact: `digital@${org.slug.split('-')[0]}.example.nhs.uk`,
    status: r.weighted([['published', 90], ['needs-review', 6], ['archived', 3], ['draft', 1]] as const),
    licence: r.chance(0.95) ? 'OGL-3.0' : 'CC-BY-4.0',
    related: relatedPool.length > 0 ? r.sample(relatedPool, r.int(0, 3)) : [],
    illustrative: true,
    sources: r.sample(w.resourceTitles, r.int(0, 2)).map((t) => ({ title: `${t}, ${org.shortName}`, url: `https://www.example.nhs.uk/${org.slug}/${kebab(t)}` })),
  };
  const budget = r.int(560, 760);
  const source = renderBlueprint(data, sections(r, slug, place, budget));
  const words = countWords(bodyOf(source));
  // Retry with the next stream when the body lands outside 600–900 words; bounded.
  if ((words < 600 || words > 900) && attempt < 20) return blueprintAt(index, ctx, attempt + 1);
  return { path: `${syntheticBlueprintFolder}/${slug}.mdx`, source };
}

export interface SyntheticCorpus {
  organisations: GeneratedFile[];
  blueprints: GeneratedFile[];
}

/** N blueprints and their organisations, all self-contained: references point only inside the set. */
export function generateCorpus(count: number, seed = defaultSeed): SyntheticCorpus {
  const organisations = generateOrganisations(organisationCount(count), seed);
  const slugs = Array.from({ length: count }, (_, i) => titleAndSlug(i, seed).slug);
  const ctx: BlueprintContext = { seed, count, organisations, slugs };
  return {
    organisations: organisations.map((o) => o.file),
    blueprints: Array.from({ length: count }, (_, i) => blueprintAt(i, ctx)),
  };
}

/**
 * Writes a content folder: the bundled content (so the site's own pages, playbooks and their
 * references still resolve) plus the synthetic files. Returns how many bundled blueprints came along.
 */
export function writeContentDir(dir: string, count: number, { bundled, seed = defaultSeed }: { bundled?: string; seed?: number } = {}): { synthetic: number } {
  mkdirSync(dir, { recursive: true });
  if (bundled && existsSync(bundled)) cpSync(bundled, dir, { recursive: true });
  const corpus = generateCorpus(count, seed);
  for (const file of [...corpus.organisations, ...corpus.blueprints]) {
    const path = join(dir, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.source);
  }
  return { synthetic: corpus.blueprints.length };
}
