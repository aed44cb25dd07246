/**
 * A template as a Word document, built with the `docx` package (https://docx.js.org) from the
 * validated source, when the site is built. Staff open it in Word, LibreOffice or a browser's
 * Office viewer without anything extra.
 *
 * What the file may hold is deliberately narrow, since readers open it on NHS machines: text,
 * headings, bullets and tables only. No macros (a .docx cannot run them; `docx/macros` is never
 * imported), no embedded objects or images, no fields that update themselves (`updateFields` stays
 * off), and no hyperlinks: source addresses are written as plain text, so the package has no
 * external relationship that Word could follow or refresh.
 */
import {
  Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';
import { contentLicence } from '../content/licence';
import type { Template } from '../schema/template';
import { exampleRow, registerRows } from './rows';

/** A4 in twentieths of a point, portrait; `docx` swaps the two for a landscape section. */
const a4 = { width: 11906, height: 16838 };

export interface DocxOptions {
  /** The template's page on the site, written into the document so a copy can be traced back. */
  pageUrl?: string;
}

function text(value: string, { heading, italics = false }: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; italics?: boolean } = {}) {
  return new Paragraph({ heading, children: [new TextRun({ text: value, italics })] });
}

function guidance(value: string) {
  return new Paragraph({ children: [new TextRun({ text: value, italics: true, color: '4C6272' })] });
}

function bullet(value: string) {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(value)] });
}

function cell(value: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value, bold })] })] });
}

/** A table whose first row is a header Word repeats on every page. */
function table(header: readonly string[], rows: readonly (readonly string[])[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
}

function documentBody(t: Template): FileChild[] {
  return t.sections.flatMap((s) => [
    text(s.heading, { heading: HeadingLevel.HEADING_1 }),
    ...s.guidance.map(guidance),
    ...s.prompts.map(bullet),
    ...(s.table ? [table(s.table.columns, s.table.examples.map(exampleRow)), text('')] : []),
  ]);
}

/** Up to this many columns fit across a landscape A4 page as one table. */
const widestGrid = 8;

function registerBody(t: Template): FileChild[] {
  const [header, rows] = registerRows(t);
  // A wider register would be a column of single letters in Word: each example row becomes its
  // own two-column table instead, and the CSV download carries the full grid.
  const examples =
    header.length <= widestGrid
      ? [table(header, rows)]
      : rows.flatMap((row) => [table(['Column', row[0]], row.slice(1).map((value, i) => [header[i + 1], value])), text('')]);
  return [
    text('What goes in each column', { heading: HeadingLevel.HEADING_1 }),
    table(['Column', 'What to write'], t.columns.map((c) => [c.name, c.hint])),
    text('Examples', { heading: HeadingLevel.HEADING_1 }),
    guidance(
      `The rows marked "Example" are made up, to show the level of detail. ${header.length > widestGrid ? 'The CSV download has the same columns as a spreadsheet to keep the register in. ' : ''}Delete the examples, and add a row for each entry.`,
    ),
    ...examples,
  ];
}

/** The Word file for a template, as bytes. */
export async function templateDocx(t: Template, { pageUrl }: DocxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const children: FileChild[] = [
    text(t.title, { heading: HeadingLevel.TITLE }),
    text(t.summary),
    guidance(
      'How to use this template: replace the text in italics with your own, answer the bullet points, and delete what does not apply. ' +
        'Every example in it is made up and describes no real organisation or person.',
    ),
    text('When to use it', { heading: HeadingLevel.HEADING_1 }),
    text(t.whenToUse),
    ...(t.kind === 'document' ? documentBody(t) : registerBody(t)),
    text('About this template', { heading: HeadingLevel.HEADING_1 }),
    text(`From Blueprint Commons, a community site where NHS organisations share how they went digital. Published under the ${contentLicence.name}.`),
    ...(pageUrl ? [text(`The latest version: ${pageUrl}`)] : []),
    ...(t.sources.length ? [text('Sources', { heading: HeadingLevel.HEADING_2 }), ...t.sources.map((s) => bullet(`${s.title}: ${s.url}`))] : []),
  ];
  const document = new Document({
    title: t.title,
    description: t.summary,
    creator: 'Blueprint Commons',
    sections: [
      {
        properties: { page: { size: { ...a4, orientation: t.kind === 'register' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
