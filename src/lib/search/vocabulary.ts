/**
 * Reads the synonym sources (glossary.yaml and synonyms.yaml, as text) into Synonyms. The
 * callers read the files; this stays free of I/O so the site, the scripts and tests share it.
 * Both files have already passed the content gate, so a problem here means the gate was skipped.
 */
import type { z } from 'astro/zod';
import { parseYaml } from '../content/front-matter';
import { glossarySchema } from '../schema/glossary';
import { synonymsSchema } from '../schema/synonyms';
import { buildSynonyms, type Synonyms } from './synonyms';

function parse<T>(what: string, source: string | undefined, schema: z.ZodType<T>, empty: T): T {
  if (source === undefined || source.trim() === '') return empty;
  const yaml = parseYaml(source);
  if (yaml.error) throw new Error(`${what} ${yaml.error.message} (line ${yaml.error.line}): run npm run validate`);
  const result = schema.safeParse(yaml.data ?? []);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`${what} ${first.path.map(String).join('.')} ${first.message}: run npm run validate`);
  }
  return result.data;
}

/** `defined`: the acronym groups the content defines (./defined-acronyms.ts), found by the caller. */
export function vocabularyFromSources(sources: { glossary?: string; synonyms?: string }, defined: readonly (readonly string[])[] = []): Synonyms {
  return buildSynonyms(
    parse('synonyms.yaml', sources.synonyms, synonymsSchema, []),
    parse('glossary.yaml', sources.glossary, glossarySchema, []),
    defined,
  );
}
