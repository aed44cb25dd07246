/**
 * A reusable template a trust can download and edit: a document outline (a business case, a job
 * description, a board paper) or a register (a hazard log, a benefits register). One YAML file per
 * template in src/content/templates/; the file name is the slug in its web address and in a
 * blueprint's `artefacts` list. The Word file and, for a register, the CSV file are generated from
 * this source when the site is built (src/lib/templates/), so nothing downloadable is committed.
 */
import { z } from 'astro/zod';
import { audiences, standards, terms } from './taxonomy';
import { date, manyOf, oneOf, text, webAddress } from './fields';

export const templateKinds = terms([
  { value: 'document', label: 'Document to write in' },
  { value: 'register', label: 'Register to keep up to date' },
] as const);

/** A small table inside a document section, e.g. a weekly job plan; its rows are examples. */
const table = z.strictObject({
  /** The column headings, 2 to 8. */
  columns: z.array(text({ max: 60, what: 'a column heading' })).min(2, { error: 'needs at least 2 columns' }).max(8, { error: 'has more than 8 columns: a Word page is too narrow for more' }),
  /** Example rows, each with one cell per column. Shown and downloaded marked as examples. */
  examples: z.array(z.array(text({ max: 300, what: 'a table cell' }))).min(1, { error: 'needs at least one example row' }).max(20, { error: 'has more than 20 rows: keep the example short' }),
});

const section = z.strictObject({
  /** The heading, as it should appear in the finished document, e.g. "Strategic case". */
  heading: text({ min: 3, max: 100, what: 'the section heading' }),
  /** What to write here and why: one to four short paragraphs, shown in italics for the author to delete. */
  guidance: z.array(text({ min: 20, max: 800, what: 'a paragraph of guidance' })).min(1, { error: 'needs at least one paragraph of guidance' }).max(4, { error: 'has more than 4 paragraphs: keep the guidance short' }),
  /** The questions or lines the author fills in, e.g. "Which wards go first, and why?". */
  prompts: z.array(text({ min: 5, max: 300, what: 'a prompt' })).max(15, { error: 'has more than 15 prompts: split the section' }).default([]),
  /** A table to fill in, with example rows. */
  table: table.optional(),
});

const column = z.strictObject({
  /** The column heading, as it appears in the spreadsheet's first row. */
  name: text({ max: 60, what: 'the column heading' }),
  /** What to write in it, e.g. "Baseline value and the date it was measured". */
  hint: text({ min: 10, max: 300, what: 'what to write in this column' }),
});

export const templateSchema = z
  .strictObject({
    /** What the template is, in sentence case, e.g. "Clinical safety hazard log". */
    title: text({ min: 5, max: 100, what: 'the name of the template' }).refine((t) => !t.endsWith('.'), { error: 'ends with a full stop: titles are headings, remove it' }),
    /** What it is for and what a trust gets, 40 to 400 characters. */
    summary: text({ min: 40, max: 400, what: 'what the template is for' }),
    /** `document` for an outline to write in; `register` for a table kept up to date (also offered as CSV). */
    kind: oneOf(templateKinds),
    /** When to use it: the stage of the work and who starts it, 40 to 600 characters. */
    whenToUse: text({ min: 40, max: 600, what: 'when to use the template' }),
    /** Who fills it in or reads it. */
    audience: manyOf(audiences, { min: 1 }),
    /** Standards the template follows, e.g. [dcb0160]. */
    standards: manyOf(standards),
    /** For a document: its sections in order. */
    sections: z.array(section).max(20, { error: 'has more than 20 sections: split the template' }).default([]),
    /** For a register: its columns in order. */
    columns: z.array(column).max(20, { error: 'has more than 20 columns: a register this wide is hard to keep' }).default([]),
    /**
     * For a register: example rows, each a mapping from column heading to text. They are made up,
     * and every download marks them as examples to delete.
     */
    examples: z.array(z.record(z.string(), text({ max: 400, what: 'an example cell' }))).max(10, { error: 'has more than 10 example rows: two or three show the idea' }).default([]),
    /** Date the template was last checked against its sources. */
    lastReviewed: date('the date it was last checked'),
    /** Public sources for the facts the template relies on (a standard, the ICO's guidance). */
    sources: z.array(z.object({ title: text({ max: 200, what: 'the title of the source' }), url: webAddress('the address of the source') })).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'document') {
      if (t.sections.length === 0) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'is empty: a document template needs its sections, each with a heading and guidance' });
      if (t.columns.length > 0) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'is for registers: a document template has sections; set kind: register if this is a table to keep up to date' });
      if (t.examples.length > 0) ctx.addIssue({ code: 'custom', path: ['examples'], message: 'is for registers: put example rows in a section\'s table instead' });
    } else {
      if (t.columns.length < 2) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'needs at least 2 columns, each with a name and a hint' });
      const names = t.columns.map((c) => c.name);
      names.forEach((name, i) => {
        if (names.indexOf(name) !== i) ctx.addIssue({ code: 'custom', path: ['columns', i, 'name'], message: `"${name}" is used twice: give each column its own heading` });
      });
      t.examples.forEach((row, i) => {
        const unknown = Object.keys(row).filter((key) => !names.includes(key));
        const missing = names.filter((name) => !(name in row));
        const quoted = (keys: string[]) => keys.map((k) => `"${k}"`).join(', ');
        if (unknown.length || missing.length) {
          const wrong = [unknown.length ? `names ${quoted(unknown)}, which is not a column` : '', missing.length ? `has no ${quoted(missing)}` : ''].filter(Boolean).join(' and ');
          ctx.addIssue({ code: 'custom', path: ['examples', i], message: `${wrong}: give each column a value, under its heading written exactly as in columns (${names.join(', ')})` });
        }
      });
    }
    t.sections.forEach((s, i) => {
      s.table?.examples.forEach((row, j) => {
        if (row.length !== s.table!.columns.length) {
          ctx.addIssue({ code: 'custom', path: ['sections', i, 'table', 'examples', j], message: `has ${row.length} cells, but the table has ${s.table!.columns.length} columns: give one cell per column` });
        }
      });
    });
  });

export type Template = z.output<typeof templateSchema>;
