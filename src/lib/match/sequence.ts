/**
 * The where-to-start guide's sequencing: from a reader's answers and the rules in
 * src/content/where-to-start.yaml to three to five priorities in order. Pure: the rules are an argument.
 */
import { guideAnswers } from '../schema/guide-answers';
import { valuesOf } from '../schema/taxonomy';
import type { Answer, GuidePriority, GuideQuestion, WhereToStart } from '../schema/where-to-start';
import { rankEntries, type MatchEntry, type Scored } from './score';
import type { TrustProfile } from './profile';

export type Answers = Record<string, Answer>;

/** Most and fewest priorities the tailored playbook shows. */
export const priorityLimits = { min: 3, max: 5 } as const;

/** Reads answers from query parameters: only the guide's question ids, only yes, no or unsure. */
export function parseAnswers(params: { get(name: string): string | null }, questions: readonly Pick<GuideQuestion, 'id'>[]): Answers {
  const result: Answers = {};
  for (const q of questions) {
    const value = params.get(q.id);
    if (value !== null && (valuesOf(guideAnswers) as string[]).includes(value)) result[q.id] = value as Answer;
  }
  return result;
}

export interface ChosenPriority {
  priority: GuidePriority;
  /** The questions whose answers brought this priority in; empty for a fallback. */
  triggeredBy: { question: string; answer: Answer }[];
  /** Why it sits after another priority in this list, if a rule put it there. */
  comesAfter: { priority: string; because: string }[];
}

/**
 * 1. Take every priority one of whose conditions the answers meet, in file order.
 * 2. If fewer than three, add fallback priorities in file order until there are three.
 * 3. Order them so each comes after the priorities its `after` rules name (when both are chosen),
 *    otherwise in file order (`inOrder`).
 * 4. Keep the first five: prerequisites sort first, so none is cut before what depends on it.
 */
export function prioritiesFor(given: Answers, guide: Pick<WhereToStart, 'priorities'>): ChosenPriority[] {
  const triggered = guide.priorities
    .map((priority) => ({ priority, triggeredBy: priority.when.filter((c) => given[c.question] === c.answer) }))
    .filter((c) => c.triggeredBy.length > 0);
  for (const priority of guide.priorities) {
    if (triggered.length >= priorityLimits.min) break;
    if (priority.fallback && !triggered.some((c) => c.priority.id === priority.id)) triggered.push({ priority, triggeredBy: [] });
  }
  return inOrder(triggered, guide).slice(0, priorityLimits.max);
}

/**
 * Priorities in the order they are best taken: each after the priorities its `after` rules name
 * (when those are in the list too), otherwise in file order.
 */
export function inOrder(given: readonly Omit<ChosenPriority, 'comesAfter'>[], guide: Pick<WhereToStart, 'priorities'>): ChosenPriority[] {
  const chosen = new Set(given.map((c) => c.priority.id));
  const fileOrder = (id: string) => guide.priorities.findIndex((p) => p.id === id);
  const waiting = [...given].sort((a, b) => fileOrder(a.priority.id) - fileOrder(b.priority.id));
  const placed: ChosenPriority[] = [];
  while (waiting.length > 0) {
    const done = new Set(placed.map((c) => c.priority.id));
    // The schema refuses loops, so some priority is always ready; the fallback only guards a bypassed schema.
    const ready = waiting.findIndex((c) => c.priority.after.every((a) => !chosen.has(a.priority) || done.has(a.priority)));
    const [next] = waiting.splice(ready === -1 ? 0 : ready, 1);
    placed.push({ ...next, comesAfter: next.priority.after.filter((a) => chosen.has(a.priority)) });
  }
  return placed;
}

/**
 * How closely a blueprint or redprint shows a priority done: 4 if the priority names it, plus 2 if
 * it is filed under one of the priority's capabilities, plus 1 if under one of its domains; 0 if
 * none. A capability is narrower than a domain, and a blueprint named by hand beats both.
 */
export function priorityMatch(match: GuidePriority['match'], entry: { id: string; domain: string; capabilities: readonly string[] }): number {
  const { blueprints, domains, capabilities }: Record<string, readonly string[]> = match;
  return (blueprints.includes(entry.id) ? 4 : 0) + (entry.capabilities.some((c) => capabilities.includes(c)) ? 2 : 0) + (domains.includes(entry.domain) ? 1 : 0);
}

/** Whether a blueprint or redprint shows a priority done: the priority names it, or it is filed under one of the priority's capabilities or domains. */
export function coversPriority(match: GuidePriority['match'], entry: { id: string; domain: string; capabilities: readonly string[] }): boolean {
  return priorityMatch(match, entry) > 0;
}

/**
 * Blueprints and redprints that show the priority done: the closest to the priority first
 * (`priorityMatch`), and among equally close ones the closest to the reader's trust.
 */
export function blueprintsFor<T extends MatchEntry>(priority: Pick<GuidePriority, 'match'>, profile: TrustProfile, entries: readonly T[], limit = 3): Scored<T>[] {
  const relevant = entries.filter((e) => e.kind !== 'playbook' && coversPriority(priority.match, e));
  const closeness = new Map(relevant.map((e) => [e, priorityMatch(priority.match, e)]));
  return rankEntries(profile, relevant)
    .map((scored, rank) => ({ scored, rank }))
    .sort((a, b) => closeness.get(b.scored.entry)! - closeness.get(a.scored.entry)! || a.rank - b.rank)
    .slice(0, limit)
    .map(({ scored }) => scored);
}
