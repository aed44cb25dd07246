/**
 * Scores blueprints, redprints and playbooks against a trust's profile, with the reasons shown
 * to the reader. Pure: the entries and the profile are arguments; nothing is read or stored.
 *
 * Why these weights: Global Digital Exemplars were asked to help Fast Followers on the same EPR,
 * so a shared supplier counts most; the care setting decides most of what transfers; where the
 * organisation started (with or without an EPR) decides which steps it had to take; maturity and
 * where the money came from (a trust with no capital to spend learns most from work paid for from
 * running costs) say whether it could do the same; programme and region refine the order among
 * otherwise equal matches. The Model Hospital's peer finder ranks similar trusts the same way, by
 * a weighted distance over a few attributes.
 */
import { careSettings, fundingSources, inSentence, labelOf, maturities, programmeStatuses, regions, suppliers } from '../schema/taxonomy';
import { maturityOfEmram, type MatchOrganisation, type TrustProfile } from './profile';

/** Points each kind of match adds. One table, documented here and on the /my-trust/ page. */
export const weights = {
  /** The entry names the reader's EPR supplier (`none` matches `none`). */
  supplier: 5,
  /** The entry was done in the reader's main care setting. */
  setting: 4,
  /** The entry started as the reader is now: with an EPR, or without one. */
  eprAtStart: 3,
  /** The entry suits the reader's maturity (its EMRAM stage, or a playbook's maturity list). */
  maturity: 2,
  /** The entry was paid for from where the reader's money would most likely come from. */
  funding: 2,
  /** The publishing organisation was in the same national programme. */
  programme: 1,
  /** The publishing organisation is in the same NHS England region. */
  region: 1,
} as const;

/** How many entries /my-trust/ lists as closest to a trust, at most: the rest follow. */
export const closestShown = 10;

/** What scoring needs of one entry: short fields only, so the browser's copy stays small. */
export interface MatchEntry {
  /** The entry's slug. */
  id: string;
  kind: 'blueprint' | 'redprint' | 'playbook';
  domain: string;
  /** Care settings (a playbook's are those of the blueprints its steps cite). */
  settings: string[];
  /** EPR suppliers (one for a blueprint). */
  suppliers: string[];
  /** Whether an EPR was in place at the start; unknown for a playbook. */
  eprAtStart?: boolean;
  /** Maturities it suits: from a blueprint's EMRAM stage or EPR state, or a playbook's own list. */
  maturity: string[];
  capabilities: string[];
  /** Publishing organisation's region and programme, for blueprints. */
  region?: string;
  programme?: string;
  /** Who paid for it (taxonomy `fundingSources`), for blueprints. */
  funding?: string[];
}

export interface Scored<T extends MatchEntry = MatchEntry> {
  entry: T;
  score: number;
  /** Why it matched, in plain English, strongest first. */
  reasons: string[];
}

/** The maturity a blueprint's starting point suggests: EMRAM stage if known, else whether it had an EPR. */
export function maturityOfStart(start: { emramStage?: number; eprInPlace: boolean }): string {
  return start.emramStage !== undefined ? maturityOfEmram(start.emramStage) : start.eprInPlace ? 'developing' : 'early';
}

export function scoreEntry<T extends MatchEntry>(profile: TrustProfile, entry: T): Scored<T> {
  let score = 0;
  const reasons: string[] = [];
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  if (profile.supplier && entry.suppliers.includes(profile.supplier)) {
    add(weights.supplier, profile.supplier === 'none' ? 'no EPR supplier, like you' : `same supplier (${labelOf(suppliers, profile.supplier)})`);
  }
  if (profile.setting && entry.settings.includes(profile.setting)) add(weights.setting, labelOf(careSettings, profile.setting).toLowerCase());
  if (profile.epr && entry.eprAtStart !== undefined && entry.eprAtStart === (profile.epr === 'yes')) {
    add(weights.eprAtStart, entry.eprAtStart ? 'started with an EPR in place' : 'started without an EPR');
  }
  if (profile.maturity && entry.maturity.includes(profile.maturity)) {
    add(weights.maturity, `suits ${labelOf(maturities, profile.maturity).toLowerCase()} maturity`);
  }
  if (profile.funding && entry.funding?.includes(profile.funding)) add(weights.funding, `paid for the same way (${inSentence(labelOf(fundingSources, profile.funding))})`);
  if (profile.programme && entry.programme === profile.programme) add(weights.programme, `${labelOf(programmeStatuses, profile.programme)}, like you`);
  if (profile.region && entry.region === profile.region) add(weights.region, `same region (${labelOf(regions, profile.region)})`);
  return { entry, score, reasons };
}

/** Every entry, closest match first; equal scores keep the order given (newest first). None is dropped. */
export function rankEntries<T extends MatchEntry>(profile: TrustProfile, entries: readonly T[]): Scored<T>[] {
  return entries
    .map((entry, index) => ({ scored: scoreEntry(profile, entry), index }))
    .sort((a, b) => b.scored.score - a.scored.score || a.index - b.index)
    .map(({ scored }) => scored);
}

/**
 * Organisations nearest the profile by weighted distance: each field the profile gives and the
 * organisation does not share adds that field's weight. Nearest first, then by slug.
 */
export function similarOrganisations(profile: TrustProfile, organisations: readonly MatchOrganisation[], limit = 5): { organisation: MatchOrganisation; distance: number }[] {
  const distance = (o: MatchOrganisation) =>
    (profile.supplier && !o.suppliers.includes(profile.supplier) ? weights.supplier : 0) +
    (profile.setting && o.setting !== profile.setting ? weights.setting : 0) +
    (profile.epr && o.epr !== undefined && o.epr !== (profile.epr === 'yes') ? weights.eprAtStart : 0) +
    (profile.programme && o.programme !== profile.programme ? weights.programme : 0) +
    (profile.region && o.region !== profile.region ? weights.region : 0);
  return organisations
    .map((organisation) => ({ organisation, distance: distance(organisation) }))
    .sort((a, b) => a.distance - b.distance || a.organisation.id.localeCompare(b.organisation.id))
    .slice(0, limit);
}
