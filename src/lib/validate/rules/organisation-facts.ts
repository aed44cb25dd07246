/**
 * One organisation, one history. Each blueprint restates facts about the organisation that
 * published it (its EPR, its HIMSS EMRAM stage, whether it had an EPR yet, its national
 * programme), and separate authors writing separate blueprints let them drift apart. This rule
 * checks what can be checked without reading for meaning:
 *
 * 1. eprSupplier: every blueprint by one organisation names the same EPR supplier (`none`, used
 *    for work that involved no EPR, is left out).
 * 2. startingPoint.emramStage and startingPoint.eprInPlace: taken in order of timeline.start, an
 *    organisation's starting stage never falls, and an EPR once in place is not missing later.
 * 3. The national programme: text in which the organisation describes itself ("we were a Fast
 *    Follower", "Northmoor, one of the first Global Digital Exemplars", "funded as a Digital
 *    Aspirant") names the programme its YAML file gives. Only these self-descriptions are read,
 *    so a blueprint may still mention a partner's programme.
 *
 * Problems are reported on the blueprint (or organisation file) that disagrees; the message names
 * the other file, since either may be the wrong one.
 */
import type { Blueprint, Organisation } from '../../schema';
import { labelOf, programmeStatuses, suppliers } from '../../schema';
import type { Corpus, CorpusEntry } from '../corpus';
import type { Problem } from '../problem';

interface Told {
  entry: CorpusEntry;
  data: Blueprint;
  /** The front-matter as written, to tell a field written from a default. */
  raw: Record<string, unknown>;
}

/** Names a programme is written under; the labels come from the taxonomy, plus the usual abbreviation. */
const programmeNames: { status: string; pattern: string }[] = [
  ...programmeStatuses.filter((p) => p.value !== 'none').map((p) => ({ status: p.value, pattern: p.label })),
  { status: 'gde', pattern: 'GDE' },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Words that may describe the programme between the article and its name ("an acute", "one of
 * the first mental health"). A fixed list, so "we were told by a GDE" is not read as a claim.
 */
const qualifier = "(?:(?:acute|mental|health|community|specialist|ambulance|children's|children’s|paediatric|first|second|only|first-wave|second-wave|early|original|national|nhs|large|small|trust)\\s+){0,3}";
const verb = '(?:was|is|were|are|became|had become|has been|have been|had been)';
const ordinal = '(?:one of (?:the )?(?:first|earliest|original) )';
const article = `(?:${ordinal}|an? |the )?`;

const programme = `(${programmeNames.map((n) => escapeRegExp(n.pattern)).join('|')})s?\\b(?!['’]s\\b|\\s+(?:partners?|programmes?|sites?|pairing|cohort|wave)\\b)`;

/** Claims a writer makes in the first person: the same for every organisation. Not "a GDE partner" or "a GDE's design": those are about someone else. */
const firstPerson = [
  `\\bwe ${verb} ${article}${qualifier}${programme}`,
  `\\bas (?:an? |one of the )${qualifier}${programme},? (?:we|our)\\b`,
  `\\bour (?:status as an? |time as an? )?${programme} (?:funding|status|money|award|years?)\\b`,
];

/** What follows an organisation's own name when it is said to be in a programme ("Northmoor was a GDE", "Northmoor, one of the first GDEs"). */
const afterOwnName = [`(?:'s|’s)? ${verb} ${article}${qualifier}${programme}`, `, ${article}${qualifier}${programme}`];

const blueprintClaims = firstPerson.map((c) => new RegExp(c, 'gi'));

/** An organisation's description: its sentences are about it throughout, and start with what it is ("A Digital Aspirant that…"). */
const descriptionClaims = [
  ...firstPerson,
  `(?<=^|[.;]\\s+)(?:an?|one of the first|one of the earliest) ${qualifier}${programme}`,
  `\\bfunded (?:as an?|through|by|from) (?:the )?${qualifier}${programme}`,
  `\\bas an? ${programme}`,
].map((c) => new RegExp(c, 'gi'));

/**
 * A claim made of an organisation by name, as one expression per organisation: `\b(?:names)` then
 * one of `afterOwnName`. The rule finds the same matches without compiling these (`claimsAfterName`):
 * compiling them took 2.4 s for the 1,000 organisations of a 10,000-blueprint catalogue. Kept as
 * the definition the tests hold that search to.
 */
export function ownNameClaimPatterns(names: readonly string[]): RegExp[] {
  const either = names.map(escapeRegExp).join('|');
  return afterOwnName.map((after) => new RegExp(`\\b(?:${either})${after}`, 'gi'));
}

/** An organisation's names, for `claimsAfterName`. */
interface OwnNames {
  /** Where any of the names starts at a word boundary. */
  anyAt: RegExp;
  /** Each name, in order, matched exactly at a position (sticky), as the alternation tries them. */
  each: RegExp[];
}

export function ownNames(names: readonly string[]): OwnNames | undefined {
  if (names.length === 0) return undefined;
  return { anyAt: new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})`, 'gi'), each: names.map((n) => new RegExp(escapeRegExp(n), 'iy')) };
}

/** `afterOwnName`, compiled once, matched at a position. */
const afterOwnNameAt = afterOwnName.map((after) => new RegExp(after, 'iy'));

const outsideClaims = [/\bwe (?:were|are|have been|had been) outside (?:the|any|all) (?:national )?(?:digital )?programmes?\b/gi];

function statusOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  return programmeNames.find((n) => n.pattern.toLowerCase() === lower)?.status;
}

interface Claim {
  status: string;
  text: string;
  /** Offset of the claim in the text searched. */
  index: number;
}

/** Whether a text names any programme at all: most texts don't, and this one test spares them every claim pattern. */
const namesAProgramme = new RegExp(programmeNames.map((n) => escapeRegExp(n.pattern)).join('|'), 'i');

/**
 * The matches `ownNameClaimPatterns(names)` would find, in the same order, with the same text: at
 * each place a name starts, each name in turn, then what must follow it. Each step moves on.
 */
function claimsAfterName(text: string, own: OwnNames, claims: Claim[]): void {
  for (const after of afterOwnNameAt) {
    let from = 0;
    while (from <= text.length) {
      own.anyAt.lastIndex = from;
      const start = own.anyAt.exec(text);
      if (!start) break;
      const at = start.index;
      let found: RegExpExecArray | null = null;
      for (const name of own.each) {
        name.lastIndex = at;
        if (!name.test(text)) continue;
        after.lastIndex = name.lastIndex;
        found = after.exec(text);
        if (found) break;
      }
      if (!found) {
        from = at + 1;
        continue;
      }
      const status = statusOf(found[1]);
      if (status) claims.push({ status, text: text.slice(at, after.lastIndex).trim(), index: at });
      from = after.lastIndex;
    }
  }
}

export function claimsIn(text: string, patterns: readonly RegExp[], own?: OwnNames): Claim[] {
  const claims: Claim[] = [];
  const named = namesAProgramme.test(text);
  for (const pattern of named ? patterns : []) {
    for (const match of text.matchAll(pattern)) {
      const status = statusOf(match[1]);
      if (status) claims.push({ status, text: match[0].trim(), index: match.index });
    }
  }
  if (named && own) claimsAfterName(text, own, claims);
  for (const pattern of /outside/i.test(text) ? outsideClaims : []) {
    for (const match of text.matchAll(pattern)) claims.push({ status: 'none', text: match[0].trim(), index: match.index });
  }
  return claims;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length - 1;
}

function programmeLabel(status: string): string {
  return status === 'none' ? 'outside the national programmes' : `a ${labelOf(programmeStatuses, status)}`;
}

function checkSuppliers(org: string, told: Told[], problems: Problem[]): void {
  const stated = told.filter((t) => t.data.eprSupplier !== 'none');
  const counts = new Map<string, Told[]>();
  for (const t of stated) counts.set(t.data.eprSupplier, [...(counts.get(t.data.eprSupplier) ?? []), t]);
  if (counts.size < 2) return;
  // The supplier most blueprints give (on a tie, the earliest work's) is taken as the organisation's.
  const [usual, agreeing] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[1][0].data.timeline.start.localeCompare(b[1][0].data.timeline.start))[0];
  for (const t of stated.filter((s) => s.data.eprSupplier !== usual)) {
    problems.push({
      file: t.entry.file.path,
      ...t.entry.parsed.positionOf(['eprSupplier']),
      field: 'eprSupplier',
      message: `is "${t.data.eprSupplier}", but ${agreeing.map((a) => a.entry.file.path).join(', ')} give "${usual}" (${labelOf(suppliers, usual)}) for the same organisation (${org}): correct whichever is wrong. If this work used another product alongside the EPR, keep eprSupplier as the EPR and name the product in the text`,
    });
  }
}

function checkStartingPoints(org: string, told: Told[], problems: Problem[]): void {
  const ordered = [...told].sort((a, b) => a.data.timeline.start.localeCompare(b.data.timeline.start));
  const startingPoint = (t: Told) => (typeof t.raw.startingPoint === 'object' && t.raw.startingPoint !== null ? (t.raw.startingPoint as Record<string, unknown>) : {});
  for (const [i, later] of ordered.entries()) {
    const stage = later.data.startingPoint.emramStage;
    const earlier = ordered.slice(0, i);
    if (stage !== undefined) {
      const higher = earlier.find((e) => e.data.startingPoint.emramStage !== undefined && e.data.startingPoint.emramStage > stage && e.data.timeline.start < later.data.timeline.start);
      const same = earlier.find((e) => e.data.startingPoint.emramStage !== undefined && e.data.startingPoint.emramStage !== stage && e.data.timeline.start === later.data.timeline.start);
      const other = higher ?? same;
      if (other) {
        problems.push({
          file: later.entry.file.path,
          ...later.entry.parsed.positionOf(['startingPoint', 'emramStage']),
          field: 'startingPoint.emramStage',
          message: `is ${stage} for work starting ${later.data.timeline.start}, but ${other.entry.file.path} gives stage ${other.data.startingPoint.emramStage} for ${org} at ${other.data.timeline.start}: an organisation's EMRAM stage does not fall, so correct the stage or the timeline in one of them`,
        });
      }
    }
    if ('eprInPlace' in startingPoint(later) && later.data.startingPoint.eprInPlace === false) {
      const had = earlier.find((e) => 'eprInPlace' in startingPoint(e) && e.data.startingPoint.eprInPlace && e.data.timeline.start < later.data.timeline.start);
      if (had) {
        problems.push({
          file: later.entry.file.path,
          ...later.entry.parsed.positionOf(['startingPoint', 'eprInPlace']),
          field: 'startingPoint.eprInPlace',
          message: `is false for work starting ${later.data.timeline.start}, but ${had.entry.file.path} says ${org} already had an EPR in place at ${had.data.timeline.start}: correct eprInPlace or the timeline in one of them`,
        });
      }
    }
  }
}

function checkProgrammeInBlueprint(t: Told, organisation: Organisation, own: OwnNames | undefined, problems: Problem[]): void {
  const fields: [string, string | undefined][] = [
    ['title', t.data.title],
    ['summary', t.data.summary],
    ['outcome.headline', t.data.outcome.headline],
    ['startingPoint.problem', t.data.startingPoint.problem],
    ['cost.note', t.data.cost.note],
  ];
  const wrong = (claim: Claim) => claim.status !== organisation.programme;
  // Read by people sending a draft from the web form as well as by maintainers: what the site says first, then its file.
  const fix = `the site lists ${organisation.name} as ${programmeLabel(organisation.programme)}: correct the text. If the site is wrong, its organisation file (src/content/organisations/${t.data.organisation}.yaml) needs correcting instead`;
  for (const [field, text] of fields) {
    if (!text) continue;
    const claim = claimsIn(text, blueprintClaims, own).find(wrong);
    if (claim) {
      problems.push({ file: t.entry.file.path, ...t.entry.parsed.positionOf(field.split('.')), field, message: `says "${claim.text}", but ${fix}` });
    }
  }
  const body = t.entry.parsed.body;
  for (const claim of claimsIn(body, blueprintClaims, own).filter(wrong)) {
    problems.push({ file: t.entry.file.path, line: t.entry.parsed.bodyLine + lineOf(body, claim.index), column: 1, field: 'organisation-programme', message: `the text says "${claim.text}", but ${fix}` });
  }
}

/**
 * An organisation description's problems, worked out once per entry read: the gateway checks
 * every draft against the same entries (validateContent's `context`), which are never changed
 * once read. Weak, so entries nothing else holds are let go.
 */
const descriptionProblems = new WeakMap<CorpusEntry, Problem[]>();

function checkProgrammeInDescription(entry: CorpusEntry, organisation: Organisation, problems: Problem[]): void {
  let found = descriptionProblems.get(entry);
  if (!found) descriptionProblems.set(entry, (found = programmeInDescription(entry, organisation)));
  problems.push(...found);
}

function programmeInDescription(entry: CorpusEntry, organisation: Organisation): Problem[] {
  const claim = claimsIn(organisation.description, descriptionClaims).find((c) => c.status !== organisation.programme);
  if (!claim) return [];
  return [{
    file: entry.file.path,
    ...entry.parsed.positionOf(['description']),
    field: 'description',
    message: `says "${claim.text}", but programme is ${organisation.programme} (${programmeLabel(organisation.programme)}): make the description and programme agree`,
  }];
}

export function checkOrganisationFacts(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const organisations = new Map<string, Organisation>();
  for (const entry of corpus.entries) {
    if (entry.kind !== 'organisation' || !entry.data) continue;
    organisations.set(entry.slug, entry.data as Organisation);
    checkProgrammeInDescription(entry, entry.data as Organisation, problems);
  }

  const byOrganisation = new Map<string, Told[]>();
  const names = new Map<string, OwnNames | undefined>();
  for (const entry of corpus.entries) {
    const data = entry.data as Blueprint | undefined;
    if (entry.kind !== 'blueprint' || !data || data.status === 'draft') continue;
    const raw = (entry.parsed.data ?? {}) as Record<string, unknown>;
    const told = { entry, data, raw };
    byOrganisation.set(data.organisation, [...(byOrganisation.get(data.organisation) ?? []), told]);
    const organisation = organisations.get(data.organisation);
    if (!organisation) continue; // the references rule reports an unknown organisation
    if (!names.has(data.organisation)) names.set(data.organisation, ownNames([organisation.name, organisation.shortName].filter((n): n is string => Boolean(n))));
    checkProgrammeInBlueprint(told, organisation, names.get(data.organisation), problems);
  }
  for (const [org, told] of byOrganisation) {
    checkSuppliers(org, told, problems);
    checkStartingPoints(org, told, problems);
  }
  return problems;
}
