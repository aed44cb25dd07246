/**
 * The taxonomy: every controlled vocabulary a blueprint, playbook or organisation may use.
 *
 * Each list is the single source for the schema (allowed values), the site (labels and
 * taxonomy pages), the search filters and the contribution questions (web form, issue form,
 * `npm run new`). Values are kebab-case and never change once published, because they appear
 * in URLs; labels may change.
 *
 * The pillars follow NHS England's What Good Looks Like framework and the capabilities the
 * capability areas of its Digital Maturity Assessment; the other lists are this site's own.
 */

export interface Term {
  /** Stable kebab-case value used in front-matter and URLs. */
  value: string;
  /** What a reader sees. */
  label: string;
  /** One sentence for authors and for the taxonomy page intro. */
  description?: string;
  /** Where the term is defined in full, e.g. a licence's text. */
  url?: string;
}

export function terms<const T extends readonly Term[]>(list: T): T {
  return list;
}

export const contentTypes = terms([
  { value: 'blueprint', label: 'Blueprint', description: 'An organisation’s evidenced account of something it did, written so another can adapt it.' },
  { value: 'redprint', label: 'Redprint', description: 'A blueprint about what did not work, and what the organisation would do instead.' },
] as const);

export const domains = terms([
  { value: 'strategy', label: 'Strategy', description: 'Digital strategy, business cases, board engagement and sequencing of investment.' },
  { value: 'workforce', label: 'Workforce', description: 'Digital teams, skills, training, backfill and the people side of change.' },
  { value: 'clinical-leadership', label: 'Clinical leadership', description: 'How CCIO, CNIO and CDIO roles and clinical informatics teams are set up and given time.' },
  { value: 'technical-build', label: 'Technical build', description: 'Systems, configuration, integration and infrastructure work.' },
] as const);

export const pillars = terms([
  { value: 'well-led', label: 'Well led', description: 'Leadership, strategy and governance for digital.' },
  { value: 'smart-foundations', label: 'Ensure smart foundations', description: 'Infrastructure, workforce capacity and capability, cyber security.' },
  { value: 'safe-practice', label: 'Safe practice', description: 'Clinical safety, information governance and secure use of data.' },
  { value: 'support-people', label: 'Support people', description: 'Staff have the digital tools, skills and support to do their jobs.' },
  { value: 'empower-citizens', label: 'Empower citizens', description: 'People can access services and their information digitally.' },
  { value: 'improve-care', label: 'Improve care', description: 'Digital tools improve the quality and safety of care.' },
  { value: 'healthy-populations', label: 'Healthy populations', description: 'Data is used to plan and improve the health of populations.' },
] as const);

export const capabilities = terms([
  { value: 'records-assessments-plans', label: 'Records, assessments and plans' },
  { value: 'transfers-of-care', label: 'Transfers of care' },
  { value: 'orders-results', label: 'Orders and results' },
  { value: 'medicines-optimisation', label: 'Medicines optimisation (e-prescribing)' },
  { value: 'decision-support', label: 'Decision support' },
  { value: 'remote-assistive-care', label: 'Remote and assistive care' },
  { value: 'asset-resource-optimisation', label: 'Asset and resource optimisation' },
  { value: 'business-clinical-intelligence', label: 'Business and clinical intelligence' },
  { value: 'digital-channels', label: 'Digital channels (NHS App, portals)' },
  { value: 'infrastructure', label: 'Infrastructure' },
  { value: 'cyber-security', label: 'Cyber security' },
  { value: 'information-governance', label: 'Information governance' },
  { value: 'interoperability', label: 'Interoperability' },
] as const);

export const careSettings = terms([
  { value: 'acute', label: 'Acute' },
  { value: 'mental-health', label: 'Mental health' },
  { value: 'community', label: 'Community' },
  { value: 'ambulance', label: 'Ambulance' },
  { value: 'specialist', label: 'Specialist' },
  { value: 'primary-care', label: 'Primary care' },
  { value: 'icb-system', label: 'Integrated care board or system' },
  { value: 'social-care', label: 'Social care' },
] as const);

export const programmeStatuses = terms([
  { value: 'gde', label: 'Global Digital Exemplar', description: 'Funded as a Global Digital Exemplar from 2016.' },
  { value: 'fast-follower', label: 'Fast Follower', description: 'Paired with a Global Digital Exemplar to adopt its blueprints.' },
  { value: 'digital-aspirant', label: 'Digital Aspirant', description: 'Funded from 2019 to reach a core level of digitisation.' },
  { value: 'frontline-digitisation', label: 'Frontline Digitisation', description: 'Funded to put an electronic patient record in place.' },
  { value: 'none', label: 'Outside the national programmes', description: 'Good practice from organisations that were not in a national programme.' },
] as const);

export const suppliers = terms([
  { value: 'oracle-health', label: 'Oracle Health (Cerner)' },
  { value: 'system-c', label: 'System C' },
  { value: 'epic', label: 'Epic' },
  { value: 'altera', label: 'Altera' },
  { value: 'dedalus', label: 'Dedalus' },
  { value: 'meditech', label: 'MEDITECH' },
  { value: 'nervecentre', label: 'Nervecentre' },
  { value: 'alcidion', label: 'Alcidion' },
  { value: 'tpp', label: 'TPP' },
  { value: 'emis', label: 'EMIS' },
  { value: 'other', label: 'Other supplier' },
  { value: 'none', label: 'No EPR supplier' },
] as const);

export const standards = terms([
  { value: 'fhir-uk-core', label: 'FHIR UK Core' },
  { value: 'hl7v2', label: 'HL7 version 2' },
  { value: 'snomed-ct', label: 'SNOMED CT' },
  { value: 'dmd', label: 'Dictionary of medicines and devices (dm+d)' },
  { value: 'icd-10', label: 'ICD-10' },
  { value: 'opcs-4', label: 'OPCS-4' },
  { value: 'nhs-number-pds', label: 'NHS number and PDS' },
  { value: 'gp-connect', label: 'GP Connect' },
  { value: 'mesh', label: 'MESH' },
  { value: 'ods', label: 'ODS codes' },
  { value: 'dcb0129', label: 'DCB0129 (manufacturer clinical safety)' },
  { value: 'dcb0160', label: 'DCB0160 (deployment clinical safety)' },
  { value: 'dspt', label: 'Data Security and Protection Toolkit' },
  { value: 'dtac', label: 'Digital Technology Assessment Criteria' },
  { value: 'prsb', label: 'PRSB standards' },
  { value: 'wcag-2-2', label: 'WCAG 2.2' },
] as const);

export const audiences = terms([
  { value: 'cio', label: 'Chief information officer' },
  { value: 'ccio', label: 'Chief clinical information officer' },
  { value: 'cnio', label: 'Chief nursing information officer' },
  { value: 'cdio', label: 'Chief digital information officer' },
  { value: 'transformation-lead', label: 'Transformation lead' },
  { value: 'clinical-safety-officer', label: 'Clinical safety officer' },
  { value: 'it-manager', label: 'IT manager' },
  { value: 'procurement', label: 'Procurement' },
  { value: 'board', label: 'Board member' },
] as const);

export const regions = terms([
  { value: 'north-east-yorkshire', label: 'North East and Yorkshire' },
  { value: 'north-west', label: 'North West' },
  { value: 'midlands', label: 'Midlands' },
  { value: 'east-of-england', label: 'East of England' },
  { value: 'london', label: 'London' },
  { value: 'south-east', label: 'South East' },
  { value: 'south-west', label: 'South West' },
] as const);

export const costBands = terms([
  { value: 'under-50k', label: 'Under £50k' },
  { value: '50k-250k', label: '£50k to £250k' },
  { value: '250k-1m', label: '£250k to £1m' },
  { value: 'over-1m', label: 'Over £1m' },
] as const);

/**
 * Where the money came from. Weaker trusts ask where funding for digital work can be found; a
 * blueprint lists every source that paid for it, so a reader can find work paid for without
 * national money, or see which programmes paid for what.
 */
export const fundingSources = terms([
  { value: 'national-programme', label: 'National programme', description: 'Money from a national programme, such as Global Digital Exemplar, Fast Follower, Digital Aspirant or Frontline Digitisation funding.' },
  { value: 'own-capital', label: 'Own capital budget', description: 'The organisation’s own capital: devices, infrastructure and one-off build costs.' },
  { value: 'own-revenue', label: 'Own running budget', description: 'The organisation’s own revenue budget, including staff time and posts made permanent.' },
  { value: 'integrated-care-system', label: 'Integrated care system', description: 'Money from the integrated care board or shared between the organisations of an integrated care system.' },
  { value: 'local-authority', label: 'Local authority', description: 'Money from a council, for example for social care or public health work.' },
  { value: 'charity', label: 'Charity', description: 'An NHS charity or another charitable grant.' },
  { value: 'research-or-innovation-grant', label: 'Research or innovation grant', description: 'A grant for research, innovation or improvement, for example from a health innovation network or a research funder.' },
  { value: 'partner-in-kind', label: 'Partner in kind', description: 'Paid for or given in kind by a supplier, university or other partner.' },
] as const);

export const evidenceLevels = terms([
  { value: 'anecdotal', label: 'Anecdotal', description: 'Reported by the team, not measured.' },
  { value: 'measured-locally', label: 'Measured locally', description: 'Measured by the organisation before and after.' },
  { value: 'independently-evaluated', label: 'Independently evaluated', description: 'Evaluated by someone outside the organisation.' },
] as const);

/**
 * Units an outcome measure may be given in. A roll-up only ever compares measures with the same
 * metric and unit, so a short list keeps "%", "percent" and "per cent" from becoming three units.
 */
export const measureUnits = terms([
  { value: 'percent', label: '%', description: 'A proportion, 0 to 100, e.g. the share of patients reviewed within an hour.' },
  { value: 'count', label: 'count', description: 'A number of things, e.g. incidents, patients or staff.' },
  { value: 'seconds', label: 'seconds' },
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
  { value: 'gbp', label: '£', description: 'Pounds sterling, e.g. a saving or a cost.' },
  { value: 'gbp-per-year', label: '£ a year', description: 'Pounds sterling a year, e.g. a recurring saving.' },
] as const);

export const statuses = terms([
  { value: 'draft', label: 'Draft', description: 'Not shown on the site.' },
  { value: 'published', label: 'Published' },
  { value: 'needs-review', label: 'Needs review', description: 'Shown with a warning that it may be out of date.' },
  { value: 'archived', label: 'Archived', description: 'Kept for the record; shown with a warning, not listed.' },
] as const);

/** Statuses whose blueprints are listed, searched and counted: drafts are never built, archived ones are kept for the record only. */
export const listedStatuses: readonly string[] = ['published', 'needs-review'];

/** Whether a blueprint is listed (and in search). The one rule for it: lists, search pages and the search index all ask this. */
export function isListed(b: { status: string }): boolean {
  return listedStatuses.includes(b.status);
}

/** Licences content may be published under; the first is the default, the site's own. */
export const licences = terms([
  { value: 'OGL-3.0', label: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
  { value: 'CC-BY-4.0', label: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
] as const);

export const maturities = terms([
  { value: 'early', label: 'Early', description: 'Mostly paper, or an EPR not yet in place.' },
  { value: 'developing', label: 'Developing', description: 'An EPR in place for some services; gaps remain.' },
  { value: 'established', label: 'Established', description: 'A trust-wide EPR; now optimising and integrating.' },
] as const);

/**
 * The facets a blueprint is filed under, in the order the site shows them. Each is named by its
 * front-matter field; `path` is its pages' address (/types/…) and `filter` its search filter's
 * name, which is also the search page's URL parameter (?setting=acute): both are public, so
 * they keep their own spelling.
 */
export const facets = {
  type: { label: 'Type', path: 'types', filter: 'type', terms: contentTypes },
  domain: { label: 'Domain', path: 'domains', filter: 'domain', terms: domains },
  pillars: { label: 'What Good Looks Like pillar', path: 'pillars', filter: 'pillar', terms: pillars },
  capabilities: { label: 'Capability', path: 'capabilities', filter: 'capability', terms: capabilities },
  careSettings: { label: 'Care setting', path: 'care-settings', filter: 'setting', terms: careSettings },
  eprSupplier: { label: 'EPR supplier', path: 'suppliers', filter: 'supplier', terms: suppliers },
  standards: { label: 'Standard', path: 'standards', filter: 'standard', terms: standards },
  funding: { label: 'Funding', path: 'funding', filter: 'funding', terms: fundingSources },
  audience: { label: 'Audience', path: 'audiences', filter: 'audience', terms: audiences },
} as const;

export type FacetName = keyof typeof facets;

export function valuesOf<T extends readonly Term[]>(list: T): [T[number]['value'], ...T[number]['value'][]] {
  return list.map((t) => t.value) as [T[number]['value'], ...T[number]['value'][]];
}

export function labelOf(list: readonly Term[], value: string): string {
  return list.find((t) => t.value === value)?.label ?? value;
}

/**
 * A label as it reads inside a sentence: "Care setting" becomes "care setting", "Over £1m" becomes
 * "over £1m", but a label that starts with an acronym ("EPR supplier") or holds a name ("What Good
 * Looks Like pillar") keeps its capitals.
 */
export function inSentence(label: string): string {
  const [first, ...rest] = label.split(' ');
  const keeps = /^[A-Z0-9]{2,}/.test(first) || rest.some((word) => /^[A-Z]/.test(word));
  return keeps ? label : first.charAt(0).toLowerCase() + label.slice(1);
}
