/**
 * What the site should contain, read from the content files with the same reader and schemas the
 * build gate uses (never a hard-coded list), so tests follow the content as it grows.
 */
import { readContentFiles } from '../../scripts/lib/content-files';
import { validateContent } from '../../src/lib/validate';
import type { Blueprint, Organisation, Playbook } from '../../src/lib/schema';

export interface Expected {
  /** Blueprints and redprints that are built (drafts are not). */
  blueprints: { slug: string; data: Blueprint }[];
  playbooks: { slug: string; data: Playbook }[];
  organisations: { slug: string; data: Organisation }[];
}

let cached: Expected | undefined;

/** The content folder (src/content, or CONTENT_DIR) as validated data. Throws if it is invalid. */
export function expectedContent(root = process.cwd()): Expected {
  if (cached) return cached;
  const { corpus, problems } = validateContent(readContentFiles(root));
  if (problems.length) {
    throw new Error(`The content has problems (run "npm run validate"):\n${problems.map((p) => `${p.file}:${p.line}  ${p.field}  ${p.message}`).join('\n')}`);
  }
  const of = <T>(kind: string) => corpus.entries.filter((e) => e.kind === kind).map((e) => ({ slug: e.slug, data: e.data as T }));
  cached = {
    blueprints: of<Blueprint>('blueprint').filter((b) => b.data.status !== 'draft'),
    playbooks: of<Playbook>('playbook'),
    organisations: of<Organisation>('organisation'),
  };
  return cached;
}
