/**
 * A trust's profile: what a reader tells the site about their organisation so guidance can be
 * matched to it. It lives only in the reader's browser and in the page address, so every value
 * that arrives here is untrusted: anything not in the taxonomy is dropped, never echoed.
 */
import { careSettings, fundingSources, maturities, programmeStatuses, regions, suppliers, terms, valuesOf, type Term } from '../schema/taxonomy';

export interface TrustProfile {
  /** The main care setting (taxonomy `careSettings`). */
  setting?: string;
  /** The EPR supplier, `other`, or `none` (taxonomy `suppliers`). */
  supplier?: string;
  /** Whether an electronic patient record is in place now. */
  epr?: 'yes' | 'no';
  /** Rough digital maturity (taxonomy `maturities`). */
  maturity?: string;
  /** HIMSS EMRAM stage, 0 to 7, if known; it also sets `maturity` when that is not given. */
  emram?: number;
  /** NHS England Digital Maturity Assessment band, 1 to 5 (`dmaBands`), if known; it sets `maturity` when neither that nor an EMRAM stage is given. */
  dma?: string;
  /** The organisation's size by staff headcount (`organisationSizes`). */
  size?: string;
  /** NHS England region (taxonomy `regions`). */
  region?: string;
  /** The kind of organisation by national programme (taxonomy `programmeStatuses`). */
  programme?: string;
  /** Where the money for the work would most likely come from (taxonomy `fundingSources`). */
  funding?: string;
}

/**
 * Digital Maturity Assessment bands: the assessment scores each What Good Looks Like pillar from
 * 1 to 5, self-reported; a reader gives the band of their overall score, rounded down.
 */
export const dmaBands = terms([
  { value: '1', label: '1 (lowest)' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5 (highest)' },
] as const);

/** Sizes by staff headcount: this site's own bands, for telling a small community trust from a large teaching hospital. */
export const organisationSizes = terms([
  { value: 'small', label: 'Small', description: 'Fewer than 3,000 staff, e.g. most community trusts, GP groups and care providers.' },
  { value: 'medium', label: 'Medium', description: '3,000 to 7,999 staff.' },
  { value: 'large', label: 'Large', description: '8,000 staff or more, e.g. a large teaching hospital.' },
] as const);

/** The address's query parameter for each profile field, and the terms it may take. */
export const profileFields = {
  setting: { label: 'Main care setting', terms: careSettings },
  supplier: { label: 'EPR supplier', terms: suppliers },
  epr: { label: 'Is an electronic patient record in place?', terms: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
  maturity: { label: 'Digital maturity, roughly', terms: maturities },
  dma: { label: 'Digital Maturity Assessment band', terms: dmaBands },
  size: { label: 'Size of the organisation', terms: organisationSizes },
  region: { label: 'NHS England region', terms: regions },
  programme: { label: 'National digital programme', terms: programmeStatuses },
  funding: { label: 'Where the money would most likely come from', terms: fundingSources },
} as const satisfies Record<string, { label: string; terms: readonly Term[] }>;

export type ProfileField = keyof typeof profileFields;
export const profileFieldNames = Object.keys(profileFields) as ProfileField[];

/** EMRAM 0–2 is early, 3–5 developing, 6–7 established: the bands this site uses for playbooks. */
export function maturityOfEmram(stage: number): 'early' | 'developing' | 'established' {
  return stage <= 2 ? 'early' : stage <= 5 ? 'developing' : 'established';
}

/** DMA bands 1 and 2 are early, 3 developing, 4 and 5 established: the same three bands as EMRAM's. */
export function maturityOfDma(band: number): 'early' | 'developing' | 'established' {
  return band <= 2 ? 'early' : band === 3 ? 'developing' : 'established';
}

/**
 * Reads a profile from query parameters (or anything with `get`). Unknown fields and values are
 * ignored, so a hand-edited or hostile address can only ever select known terms.
 */
export function parseProfile(params: { get(name: string): string | null }): TrustProfile {
  const profile: TrustProfile = {};
  for (const field of profileFieldNames) {
    const value = params.get(field);
    const allowed = valuesOf(profileFields[field].terms) as string[];
    if (value !== null && allowed.includes(value)) (profile as Record<string, string>)[field] = value;
  }
  const emram = params.get('emram');
  if (emram !== null && /^[0-7]$/.test(emram)) {
    profile.emram = Number(emram);
    profile.maturity ??= maturityOfEmram(profile.emram);
  }
  // A maturity given outright wins, then an EMRAM stage (a measured stage), then the self-reported DMA band.
  if (profile.dma !== undefined) profile.maturity ??= maturityOfDma(Number(profile.dma));
  return profile;
}

/** The profile as query parameters, in a fixed order so equal profiles give equal addresses. */
export function profileToParams(profile: TrustProfile): [string, string][] {
  const pairs: [string, string][] = [];
  for (const field of profileFieldNames) {
    const value = profile[field];
    if (value !== undefined) pairs.push([field, value]);
  }
  if (profile.emram !== undefined) pairs.push(['emram', String(profile.emram)]);
  return pairs;
}

export function isEmptyProfile(profile: TrustProfile): boolean {
  return profileToParams(profile).length === 0;
}

/** What the site knows of an organisation, as matching needs it. */
export interface MatchOrganisation {
  /** Its slug; the pages carry its name. */
  id: string;
  setting: string;
  region: string;
  programme: string;
  /** The EPR suppliers named by the organisation's own blueprints, most named first. */
  suppliers: string[];
  /** Whether its blueprints say it had an EPR in place at the start of its most recent work. */
  epr?: boolean;
}

/** Prefills a profile from an organisation the site already knows. */
export function profileFromOrganisation(org: MatchOrganisation): TrustProfile {
  const profile: TrustProfile = { setting: org.setting, region: org.region, programme: org.programme };
  const supplier = org.suppliers.find((s) => s !== 'none') ?? org.suppliers[0];
  if (supplier) profile.supplier = supplier;
  if (org.epr !== undefined) profile.epr = org.epr ? 'yes' : 'no';
  return profile;
}
