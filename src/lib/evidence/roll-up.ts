/**
 * An evidence roll-up: what a set of blueprints and redprints (one capability, one care setting,
 * one priority of the where-to-start guide) adds up to. Counts and spreads only: different
 * metrics or units are never averaged together, and a range is shown only where two or more
 * accounts measured the same metric in the same unit. Pure: entries in, plain data out.
 */
import { costBands, evidenceLevels, fundingSources, measureUnits, type Blueprint, type Term } from '../schema';
import { evidenceOrder, evidenceStrength, type StrengthRule } from './strength';

export interface RollUpEntry {
  slug: string;
  data: Blueprint;
}

type Measure = Blueprint['outcome']['measures'][number];

export interface MeasureResult {
  slug: string;
  baseline?: number;
  result: number;
  period: string;
}

/** Two or more accounts' results for one metric in one unit: lowest and highest result, nothing in between. */
export interface MeasureRange {
  metric: string;
  unit: Measure['unit'];
  min: number;
  max: number;
  results: MeasureResult[];
}

/** A measure no other account shares (metric and unit), listed as given. */
export interface SingleMeasure extends MeasureResult {
  metric: string;
  unit: Measure['unit'];
}

export interface HeadlineOutcome {
  slug: string;
  headline: string;
  evidence: Blueprint['outcome']['evidence'];
}

export interface RollUp {
  blueprints: number;
  redprints: number;
  /** Distinct publishing organisations (partners are not counted). */
  organisations: number;
  /** Every evidence level, weakest first, with how many accounts have it (0 included). */
  byEvidenceLevel: { term: Term; count: number }[];
  /** Every cost band, cheapest first, with how many accounts fall in it (0 included). */
  costBands: { term: Term; count: number }[];
  /**
   * Who paid: every funding source, in the list's order, with how many accounts it helped pay for
   * (0 included; an account paid for from two sources counts under both), and how many do not say.
   */
  funding: { sources: { term: Term; count: number }[]; notSaid: number };
  /** Lengths of finished work in whole months; undefined when none has finished. */
  timelines: { finished: number; ongoing: number; medianMonths?: number; minMonths?: number; maxMonths?: number };
  /** Up to three headline results, strongest evidence first, then newest. */
  headlines: HeadlineOutcome[];
  measures: { ranges: MeasureRange[]; singles: SingleMeasure[] };
  strength: StrengthRule;
  /** What is missing, one sentence each, e.g. "No independently evaluated example yet." */
  gaps: string[];
}

/** Months from a YYYY-MM start to a YYYY-MM end: 2019-04 to 2020-01 is 9. */
export function monthsBetween(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number);
  const [ey, em] = end.split('-').map(Number);
  return (ey - sy) * 12 + (em - sm);
}

/** The middle value, or the mean of the two middle values rounded to a whole month. */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** The same metric written with other capitals or spacing is the same metric; nothing looser. */
function metricKey(m: Pick<Measure, 'metric' | 'unit'>): string {
  return `${m.metric.toLowerCase().replace(/\s+/g, ' ').trim()}\u0000${m.unit}`;
}

function groupMeasures(entries: readonly RollUpEntry[]): RollUp['measures'] {
  const groups = new Map<string, SingleMeasure[]>();
  for (const e of entries) {
    for (const m of e.data.outcome.measures) {
      const item: SingleMeasure = { slug: e.slug, metric: m.metric, unit: m.unit, result: m.result, period: m.period, ...(m.baseline !== undefined && { baseline: m.baseline }) };
      const key = metricKey(m);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
  }
  const ranges: MeasureRange[] = [];
  const singles: SingleMeasure[] = [];
  for (const items of groups.values()) {
    // One account giving the same metric twice (two periods) is still one account: no range from it alone.
    if (new Set(items.map((i) => i.slug)).size < 2) {
      singles.push(...items);
      continue;
    }
    const values = items.map((i) => i.result);
    ranges.push({
      metric: items[0].metric,
      unit: items[0].unit,
      min: Math.min(...values),
      max: Math.max(...values),
      results: items.map(({ slug, baseline, result, period }) => ({ slug, result, period, ...(baseline !== undefined && { baseline }) })),
    });
  }
  return { ranges, singles };
}

/** `entries` in the order pages list them (newest first): ties keep that order. */
export function rollUp(entries: readonly RollUpEntry[], today: Date): RollUp {
  const count = (pred: (e: RollUpEntry) => boolean) => entries.filter(pred).length;
  const finished = entries
    .flatMap((e) => (e.data.timeline.end ? [monthsBetween(e.data.timeline.start, e.data.timeline.end)] : []))
    .sort((a, b) => a - b);
  const strength = evidenceStrength(entries, today);
  const rank = (e: RollUpEntry) => evidenceOrder.indexOf(e.data.outcome.evidence);
  const headlines = [...entries]
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, 3)
    .map((e) => ({ slug: e.slug, headline: e.data.outcome.headline, evidence: e.data.outcome.evidence }));
  const measures = groupMeasures(entries);
  const redprints = count((e) => e.data.type === 'redprint');
  const organisations = new Set(entries.map((e) => e.data.organisation)).size;

  const gaps: string[] = [];
  if (entries.length === 0) {
    gaps.push('No blueprint or redprint yet.');
  } else {
    if (count((e) => e.data.outcome.evidence === 'independently-evaluated') === 0) gaps.push('No independently evaluated example yet.');
    if (organisations === 1) gaps.push('Only one organisation has shared its work here so far.');
    if (redprints === 0) gaps.push('No redprint yet: nobody has shared what did not work.');
    if (measures.ranges.length + measures.singles.length === 0) gaps.push('No measured results given as numbers yet.');
  }

  return {
    blueprints: entries.length - redprints,
    redprints,
    organisations,
    byEvidenceLevel: evidenceLevels.map((term) => ({ term, count: count((e) => e.data.outcome.evidence === term.value) })),
    costBands: costBands.map((term) => ({ term, count: count((e) => e.data.cost.band === term.value) })),
    funding: {
      sources: fundingSources.map((term) => ({ term, count: count((e) => e.data.funding.includes(term.value)) })),
      notSaid: count((e) => e.data.funding.length === 0),
    },
    timelines: {
      finished: finished.length,
      ongoing: entries.length - finished.length,
      ...(finished.length > 0 && { medianMonths: median(finished), minMonths: finished[0], maxMonths: finished[finished.length - 1] }),
    },
    headlines,
    measures,
    strength,
    gaps,
  };
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A measured value with its unit, as written: "17%", "£780,000", "45 minutes". */
export function formatMeasure(value: number, unit: Measure['unit']): string {
  const n = numberFormat.format(value);
  switch (unit) {
    case 'percent': return `${n}%`;
    case 'gbp': return `£${n}`;
    case 'gbp-per-year': return `£${n} a year`;
    case 'count': return n;
    default: {
      const label = measureUnits.find((u) => u.value === unit)?.label ?? unit;
      return `${n} ${value === 1 ? label.replace(/s$/, '') : label}`;
    }
  }
}
