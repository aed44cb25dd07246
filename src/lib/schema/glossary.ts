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

/** A term's id: its entry in the site's collection and its anchor on the glossary page. */
export const glossaryId = (term: string) => term.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The id of a term's entry on the glossary page, which other pages link to: "term-epr". */
export const glossaryAnchor = (term: string) => `term-${glossaryId(term)}`;

export const glossarySchema = z
  .array(glossaryTermSchema)
  .superRefine((terms, ctx) => {
    // Two terms with one id would be one entry on the site: the second would replace the first.
    const first = new Map<string, string>();
    terms.forEach((t, i) => {
      const id = glossaryId(t.term);
      const earlier = first.get(id);
      if (!/[a-z0-9]/.test(id)) ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `"${t.term}" has no letter or digit to name it by: write the term in letters` });
      else if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'term'], message: earlier.toLowerCase() === t.term.toLowerCase() ? `defines "${t.term}" a second time: merge the two entries` : `"${t.term}" would share its place on the glossary page with "${earlier}" (both are "${id}"): merge the two entries, or spell one differently` });
      } else first.set(id, t.term);
    });
  });

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
