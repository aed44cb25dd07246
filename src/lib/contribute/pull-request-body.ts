/**
 * The pull request body: an at-a-glance summary a maintainer can review from (the same facts a
 * reader sees first: key questions, cost, outcome, care setting, supplier, organisation), the
 * review checklist, and where each file goes. Pure, and always under GitHub's size limit.
 */
import type { Adoption, Blueprint, Playbook } from '../schema';
import { adoptionStages } from '../schema/adoption-stages';
import { careSettings, costBands, domains, evidenceLevels, fundingSources, labelOf, suppliers } from '../schema/taxonomy';
import { adoptionChecklist, checklistMarkdown } from './checklist';
import { cell, clip, inline, marker } from './markdown';
import { canonicalPath, kindLabel, sortEntries, titleOf, type ContributionEntry } from './plan';

/** GitHub refuses a pull request body longer than this many characters. */
export const maxBodyLength = 65_536;

export const pullRequestMarker = marker('contribution');

export interface BodyOptions {
  /** Looks up an organisation's full name from its slug, when it is known. */
  organisationName?: (slug: string) => string | undefined;
  /** The issue this came from, for the issue-form route: the pull request closes it when merged. */
  issue?: number;
  /** Labels the tools tried to add, listed so a maintainer can add them when a fork could not. */
  labels?: readonly string[];
  /** Overrides the size limit (tests use a small one). */
  maxLength?: number;
}

function organisation(slug: string, options: BodyOptions): string {
  const name = options.organisationName?.(slug);
  return name ? `${cell(name)} (\`${slug}\`)` : `\`${slug}\``;
}

function blueprintSummary(entry: ContributionEntry, options: BodyOptions, detail: boolean): string {
  const b = entry.data as Blueprint;
  const rows: [string, string][] = [
    ['Organisation', organisation(b.organisation, options)],
    ['Type', cell(kindLabel(entry))],
    ['Domain', cell(labelOf(domains, b.domain))],
    ['Care setting', cell(b.careSettings.map((c) => labelOf(careSettings, c)).join(', '))],
    ['EPR supplier', cell(labelOf(suppliers, b.eprSupplier))],
    ['Cost', cell([labelOf(costBands, b.cost.band), b.cost.note].filter(Boolean).join(': '))],
    ['Paid for by', cell(b.funding.map((f) => labelOf(fundingSources, f)).join(', ') || 'not given')],
    ['Outcome', cell(`${labelOf(evidenceLevels, b.outcome.evidence)}: ${b.outcome.headline}`)],
    // Who the weekly review reminders will mention: a reviewer checks it is someone who agreed to be.
    ['Owner', cell(`${b.owner.name}${b.owner.github ? `, reminded as @${b.owner.github} on GitHub` : ''}`)],
  ];
  const parts = [
    `### ${inline(kindLabel(entry))}: ${inline(titleOf(entry))}`,
    `> ${inline(b.summary)}`,
    ['| At a glance | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'),
  ];
  if (detail) parts.push(`**Key questions this answers**\n\n${b.keyQuestions.map((q) => `- ${inline(q)}`).join('\n')}`);
  return parts.join('\n\n');
}

function playbookSummary(entry: ContributionEntry): string {
  const p = entry.data as Playbook;
  return [`### Playbook: ${inline(titleOf(entry))}`, `> ${inline(p.summary)}`, `${p.steps.length} steps, ${p.checklist.length} checklist items.`].join('\n\n');
}

function adoptionSummary(entry: ContributionEntry, options: BodyOptions): string {
  const a = entry.data as Adoption;
  const rows: [string, string][] = [
    ['Organisation', organisation(a.organisation, options)],
    ['Blueprint', `\`${a.blueprint}\``],
    ['Stage', cell(`${labelOf(adoptionStages, a.stage)} since ${a.date}`)],
    ['Outcome', cell(a.outcome ?? 'not given')],
    ['Contact published', a.contactOptIn && a.contact ? `yes: ${cell(a.contact)}` : 'no'],
  ];
  return [`### Adoption: ${inline(titleOf(entry))}`, ['| Record | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')].join('\n\n');
}

function entrySummary(entry: ContributionEntry, options: BodyOptions, detail: boolean): string {
  if (entry.kind === 'blueprint' && entry.data) return blueprintSummary(entry, options, detail);
  if (entry.kind === 'adoption' && entry.data) return adoptionSummary(entry, options);
  if (entry.kind === 'playbook' && entry.data) return playbookSummary(entry);
  return `### ${inline(kindLabel(entry))}: ${inline(titleOf(entry))}`;
}

function compose(entries: ContributionEntry[], options: BodyOptions, detail: boolean): string {
  const files = entries.map((e) => `- \`${canonicalPath(e.kind, e.slug)}\``).join('\n');
  const parts = [
    pullRequestMarker,
    ...(detail ? entries.map((e) => entrySummary(e, options, true)) : [entries.map((e) => `- ${inline(kindLabel(e))}: ${inline(titleOf(e))}`).join('\n')]),
    `### Files\n\n${files}`,
    `### Review checklist (for maintainers)\n\n${checklistMarkdown(entries.every((e) => e.kind === 'adoption') ? adoptionChecklist : undefined)}`,
  ];
  if (options.labels?.length) parts.push(`Labels: ${options.labels.map((l) => `\`${l}\``).join(', ')}`);
  if (options.issue !== undefined) parts.push(`Proposed through the issue form in #${options.issue}. Merging this closes it.\n\nCloses #${options.issue}`);
  parts.push(
    '_Opened by one of three routes: `npm run contribute`, the issue-form bot, or the submission gateway (the drafting form, for authors without a GitHub account). Running the command again, editing the issue or sending the draft again updates this pull request._',
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * Full detail when it fits; a list of titles when it does not (many files); and as a last resort
 * a hard cut with a note, so GitHub never rejects the pull request for its body.
 */
export function pullRequestBody(entries: readonly ContributionEntry[], options: BodyOptions = {}): string {
  const max = options.maxLength ?? maxBodyLength;
  const sorted = sortEntries(entries);
  const full = compose(sorted, options, true);
  if (full.length <= max) return full;
  const compact = compose(sorted, options, false);
  if (compact.length <= max) return compact;
  const note = '\n\n_This description was cut short to fit GitHub’s limit: see the files for the rest._\n';
  return clip(compact, max - note.length) + note;
}
