/**
 * The glossary: every acronym and term of art the content uses, in src/content/glossary.yaml.
 * The search synonyms are built from it too, so "CCIO" finds "chief clinical information officer".
 */
import { z } from 'astro/zod';
import { text } from './fields';

export const glossaryTermSchema = z.object({
  /** The term as readers see it, e.g. "CCIO". */
  term: text({ max: 40, what: 'the term or acronym' }),
  /** What it stands for, if it is an acronym, e.g. "Chief clinical information officer". */
  expansion: text({ max: 120, what: 'what the acronym stands for' }).optional(),
  /** A plain-English definition in one or two sentences. */
  definition: text({ min: 20, max: 500, what: 'a plain-English definition' }),
  /** Other ways people write it, e.g. ["e-prescribing", "electronic prescribing"]. Used by search. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

export const glossarySchema = z
  .array(glossaryTermSchema)
  .refine((terms) => new Set(terms.map((t) => t.term.toLowerCase())).size === terms.length, {
    error: 'defines a term twice: merge the two entries',
  });

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
