/**
 * Search synonyms: groups of words and phrases that mean the same thing to a reader, in
 * src/content/synonyms.yaml. Search treats every member of a group as the same search, so
 * "ePMA", "e-prescribing" and "electronic prescribing" find the same blueprints.
 *
 * The glossary (src/content/glossary.yaml) already makes a group of each term, its expansion
 * and its aliases; this file is for groups the glossary does not cover (plain-English
 * equivalents that are not acronyms) and for common misspellings.
 */
import { z } from 'astro/zod';
import { text } from './fields';

const phrase = text({ max: 80, what: 'a word or phrase' });

export const synonymGroupSchema = z
  .strictObject({
    /** Words or phrases that mean the same, e.g. [ePMA, e-prescribing, electronic prescribing]. The first is the one search prefers. */
    terms: z
      .array(phrase, { error: 'should be a list of words or phrases, e.g. [ePMA, e-prescribing]' })
      .min(1, { error: 'is empty: list the words or phrases that mean the same' }),
    /** Common misspellings (or US spellings) that search corrects to the first term, e.g. [e-prescibing]. */
    misspellings: z.array(phrase).default([]),
  })
  .refine((g) => g.terms.length > 1 || g.misspellings.length > 0, {
    path: ['terms'],
    error: 'has one term and no misspellings: add the words that mean the same, or the misspellings to correct',
  });

export const synonymsSchema = z
  .array(synonymGroupSchema, { error: 'should be a list of groups, each starting "- terms: [...]"' })
  .superRefine((groups, ctx) => {
    const seen = new Map<string, { group: number; field: string; word: string }>();
    groups.forEach((group, i) => {
      for (const [field, list] of [['terms', group.terms], ['misspellings', group.misspellings]] as const) {
        list.forEach((word, j) => {
          const key = word.toLowerCase();
          const first = seen.get(key);
          const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [i, field, j], message });
          if (!first) seen.set(key, { group: i, field, word });
          else if (first.group !== i) issue(`"${word}" is already in group ${first.group + 1}: merge the two groups, as a word can only mean one thing to search`);
          else if (first.field !== field) issue(`"${word}" is one of this group's terms: a misspelling must differ from every term`);
          else if (first.word === word) issue(`"${word}" is listed twice: remove the repeat`);
        });
      }
    });
  });

export type SynonymGroup = z.output<typeof synonymGroupSchema>;
