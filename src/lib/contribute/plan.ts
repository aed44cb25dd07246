/**
 * Pure planning of a contribution: where each file goes in the repository, which branch it is
 * pushed to, and the pull request's title and labels. Nothing here talks to GitHub, so the
 * `--dry-run` output and the real run come from the same plan.
 */
import type { Adoption, Blueprint, Organisation, Playbook } from '../schema';
import { labelOf, contentTypes } from '../schema/taxonomy';
import type { Kind } from '../validate/corpus';
import { neutraliseReferences } from './markdown';

/** One validated content file the contributor wants to send. */
export interface ContributionEntry {
  kind: Kind;
  /** File name without extension; becomes the web address. */
  slug: string;
  /** Where the file is on the contributor's disk (as they typed it, or project-relative). */
  sourcePath: string;
  /** Validated front-matter (or YAML data for an organisation). */
  data: unknown;
}

export interface PlannedFile {
  from: string;
  /** Path in the repository. */
  to: string;
}

export interface ContributionPlan {
  branch: string;
  files: PlannedFile[];
  title: string;
  labels: string[];
  commitMessage: string;
}

/** Marks commits made by these tools, so a re-run only ever force-updates a branch it made. */
export const commitTrailer = 'Contributed-with: blueprint-commons';

/** Where a file of this kind lives in the repository, whatever folder the contributor kept it in. */
export function canonicalPath(kind: Kind, slug: string): string {
  switch (kind) {
    case 'blueprint':
      return `src/content/blueprints/${slug}.mdx`;
    case 'playbook':
      return `src/content/playbooks/${slug}.mdx`;
    case 'organisation':
      return `src/content/organisations/${slug}.yaml`;
    case 'adoption':
      return `src/content/adoptions/${slug}.yaml`;
    case 'template':
      return `src/content/templates/${slug}.yaml`;
    case 'glossary':
      return 'src/content/glossary.yaml';
    case 'synonyms':
      return 'src/content/synonyms.yaml';
    case 'where-to-start':
      return 'src/content/where-to-start.yaml';
  }
}

/** What a reader would call this entry: its title, or an organisation's name. */
export function titleOf(entry: ContributionEntry): string {
  const data = entry.data as Partial<Blueprint & Playbook & Organisation> | undefined;
  if (entry.kind === 'organisation') return data?.name ?? entry.slug;
  if (entry.kind === 'adoption') {
    const a = entry.data as Partial<Adoption> | undefined;
    return a?.organisation && a.blueprint ? `${a.organisation} ${a.stage === 'abandoned' ? 'stopped using' : 'is using'} ${a.blueprint}${a.stage ? ` (${a.stage})` : ''}` : entry.slug;
  }
  if (entry.kind === 'glossary') return 'Glossary';
  if (entry.kind === 'synonyms') return 'Search synonyms';
  if (entry.kind === 'where-to-start') return 'Where-to-start guide';
  return data?.title ?? entry.slug;
}

/** "Blueprint", "Redprint", "Playbook", "Organisation"… */
export function kindLabel(entry: ContributionEntry): string {
  if (entry.kind === 'blueprint') return labelOf(contentTypes, (entry.data as Blueprint | undefined)?.type ?? 'blueprint');
  return { playbook: 'Playbook', organisation: 'Organisation', adoption: 'Adoption', template: 'Template', glossary: 'Glossary', synonyms: 'Search synonyms', 'where-to-start': 'Where-to-start guide' }[entry.kind];
}

/** Entries in a stable order (by repository path), so argument order never changes the plan. */
export function sortEntries(entries: readonly ContributionEntry[]): ContributionEntry[] {
  return [...entries].sort((a, b) => canonicalPath(a.kind, a.slug).localeCompare(canonicalPath(b.kind, b.slug)));
}

/**
 * The branch is named after the content, e.g. `blueprint/<slug>`, so the same files always go
 * to the same branch and re-running updates the same pull request. Blueprints and redprints
 * share a prefix so switching the type does not open a second pull request.
 */
export function branchFor(entries: readonly ContributionEntry[]): string {
  const [first, ...rest] = sortEntries(entries);
  if (!first) throw new Error('nothing to contribute');
  if (rest.length === 0) return `${first.kind}/${first.slug}`;
  const main = sortEntries(entries).find((e) => e.kind === 'blueprint' || e.kind === 'playbook') ?? first;
  return `content/${main.slug}-and-${rest.length}-more`;
}

export function pullRequestTitle(entries: readonly ContributionEntry[]): string {
  const sorted = sortEntries(entries);
  const main = sorted.find((e) => e.kind === 'blueprint' || e.kind === 'playbook') ?? sorted[0];
  // The title is the commit message too, where "Fixes #7" would close issue 7 on merge.
  const title = `${kindLabel(main)}: ${neutraliseReferences(titleOf(main))}`;
  return sorted.length === 1 ? title : `${title} (and ${sorted.length - 1} more file${sorted.length === 2 ? '' : 's'})`;
}

/** `content`, the kind of each entry (blueprint, redprint, playbook, organisation) and `domain:<domain>`. */
export function labelsFor(entries: readonly ContributionEntry[]): string[] {
  const labels = new Set<string>(['content']);
  for (const entry of sortEntries(entries)) {
    if (entry.kind === 'blueprint') labels.add((entry.data as Blueprint | undefined)?.type ?? 'blueprint');
    else labels.add(entry.kind);
  }
  for (const entry of sortEntries(entries)) {
    const domain = (entry.data as { domain?: string } | undefined)?.domain;
    if (domain && (entry.kind === 'blueprint' || entry.kind === 'playbook')) labels.add(`domain:${domain}`);
  }
  return [...labels];
}

export function planContribution(entries: readonly ContributionEntry[], options: { branch?: string; extraLabels?: string[]; coAuthor?: string } = {}): ContributionPlan {
  const sorted = sortEntries(entries);
  const title = pullRequestTitle(sorted);
  const trailers = [commitTrailer, ...(options.coAuthor ? [`Co-authored-by: ${options.coAuthor}`] : [])];
  return {
    branch: options.branch ?? branchFor(sorted),
    files: sorted.map((e) => ({ from: e.sourcePath, to: canonicalPath(e.kind, e.slug) })),
    title,
    labels: [...new Set([...labelsFor(sorted), ...(options.extraLabels ?? [])])],
    commitMessage: `${title}\n\n${trailers.join('\n')}\n`,
  };
}
