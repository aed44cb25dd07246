/**
 * What the site should contain, read from the content files with the same reader and schemas the
 * build gate uses (never a hard-coded list), so tests follow the content as it grows.
 */
import { readContentFiles } from '../../src/node/content-files';
import { validateContent } from '../../src/lib/validate';
import type { Adoption, Blueprint, GlossaryTerm, Organisation, Playbook, Template } from '../../src/lib/schema';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

export interface Expected {
  /** Blueprints and redprints that are built (drafts are not). */
  blueprints: { slug: string; data: Blueprint }[];
  playbooks: { slug: string; data: Playbook }[];
  organisations: { slug: string; data: Organisation }[];
  adoptions: { slug: string; data: Adoption }[];
  templates: { slug: string; data: Template }[];
  /** The glossary's terms, in the file's order. */
  glossary: GlossaryTerm[];
}

let cached: Expected | undefined;

/**
 * The content folder (src/content, or CONTENT_DIR) as validated data. Entries whose front-matter
 * fails the schema are left out: the build's content gate refuses those, and `npm run validate`
 * explains them, so tests need not repeat it.
 */
export function expectedContent(root = process.cwd()): Expected {
  if (cached) return cached;
  const { corpus } = validateContent(readContentFiles(root).files, { parser: nativeMdxParser });
  const of = <T>(kind: string) =>
    corpus.entries.filter((e) => e.kind === kind && e.data !== undefined).map((e) => ({ slug: e.slug, data: e.data as T }));
  cached = {
    blueprints: of<Blueprint>('blueprint').filter((b) => b.data.status !== 'draft'),
    playbooks: of<Playbook>('playbook'),
    organisations: of<Organisation>('organisation'),
    adoptions: of<Adoption>('adoption'),
    templates: of<Template>('template'),
    glossary: of<GlossaryTerm[]>('glossary').flatMap((g) => g.data),
  };
  return cached;
}
