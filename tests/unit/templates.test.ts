/**
 * Templates become downloads: a Word file that opens (read back from its zip), holding every
 * heading, prompt and column of the source and nothing that can run; and, for a register, a CSV
 * file whose first row is the columns and whose example rows say they are examples.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { templateSchema, type Template } from '../../src/lib/schema';
import { examplePrefix } from '../../src/lib/templates/rows';
import { formatSize, formatsOf, templateCsv, templateFile } from '../../src/lib/templates/downloads';
import { templateDocx } from '../../src/lib/templates/docx';
import { parseCsv } from '../support/csv';
import { openDocx } from '../support/docx';

function load(path: string): Template {
  return templateSchema.parse(parse(readFileSync(path, 'utf8')));
}

const hazardLog = load('src/content/templates/clinical-safety-hazard-log.yaml');
const ccio = load('src/content/templates/ccio-job-description-and-job-plan.yaml');
const fixture = load('tests/fixtures/valid/templates/fixture-register.yaml');

describe('a template as a Word document', () => {
  it('opens as a Word package: a zip with the main document part and no macro project', async () => {
    for (const t of [hazardLog, ccio]) {
      const docx = openDocx(await templateDocx(t));
      expect(Object.keys(docx.parts)).toContain('word/document.xml');
      expect(Object.keys(docx.parts).filter((name) => /vbaProject|activeX|embeddings\//i.test(name))).toEqual([]);
      const types = docx.part('[Content_Types].xml');
      expect(types).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
      expect(types).not.toMatch(/macroEnabled|vbaProject|oleObject/i);
    }
  });

  it('links to nothing outside itself, so Word has nothing to follow or refresh', async () => {
    const docx = openDocx(await templateDocx(ccio, { pageUrl: 'https://example.org/templates/x/' }));
    const rels = Object.keys(docx.parts).filter((name) => name.endsWith('.rels')).map(docx.part);
    expect(rels.join('\n')).not.toMatch(/TargetMode="External"/);
    expect(docx.part('word/settings.xml')).not.toMatch(/updateFields/);
  });

  it('starts with the title, in the Title style, and the summary', async () => {
    const { paragraphs } = openDocx(await templateDocx(ccio));
    expect(paragraphs[0]).toEqual({ style: 'Title', text: ccio.title });
    expect(paragraphs[1].text).toBe(ccio.summary);
  });

  it('has a document template\'s sections as level 1 headings, in order, with their guidance and prompts', async () => {
    const { paragraphs } = openDocx(await templateDocx(ccio));
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(['When to use it', ...ccio.sections.map((s) => s.heading), 'About this template']);
    const texts = paragraphs.map((p) => p.text);
    for (const s of ccio.sections) {
      for (const line of [...s.guidance, ...s.prompts]) expect(texts).toContain(line);
    }
  });

  it('writes a section\'s table with its column headings and the example rows marked as examples', async () => {
    const { paragraphs } = openDocx(await templateDocx(ccio));
    const table = ccio.sections.find((s) => s.table)!.table!;
    const texts = paragraphs.map((p) => p.text);
    for (const heading of table.columns) expect(texts).toContain(heading);
    for (const row of table.examples) expect(texts).toContain(`${examplePrefix}${row[0]}`);
  });

  it('has every column of a register with what to write in it', async () => {
    const texts = openDocx(await templateDocx(hazardLog)).paragraphs.map((p) => p.text);
    for (const c of hazardLog.columns) {
      expect(texts).toContain(c.name);
      expect(texts).toContain(c.hint);
    }
  });

  it('keeps quotes, ampersands and angle brackets from the source as text', async () => {
    const texts = openDocx(await templateDocx(fixture)).paragraphs.map((p) => p.text);
    expect(texts).toContain('Interface <fails> & nobody "notices"');
    expect(texts).toContain('Risk & cause');
  });

  it('writes the page address and the sources as plain text', async () => {
    const texts = openDocx(await templateDocx(hazardLog, { pageUrl: 'https://example.org/templates/clinical-safety-hazard-log/' })).paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.includes('https://example.org/templates/clinical-safety-hazard-log/'))).toBe(true);
    for (const s of hazardLog.sources) expect(texts).toContain(`${s.title}: ${s.url}`);
  });
});

describe('a register as CSV', () => {
  it('has the columns as its first row and one row per example, each marked as an example', () => {
    const text = templateCsv(hazardLog);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(hazardLog.columns.map((c) => c.name));
    expect(rows).toHaveLength(hazardLog.examples.length);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(`${examplePrefix}${hazardLog.examples[i]['Hazard ID']}`);
      expect(row.slice(1)).toEqual(header.slice(1).map((name) => hazardLog.examples[i][name]));
    });
  });

  it('keeps awkward text whole and defuses a cell a spreadsheet would run as a formula', () => {
    const [, first, second] = parseCsv(templateCsv(fixture).slice(1));
    expect(first[1]).toBe('Interface <fails> & nobody "notices"');
    expect(second[1]).toBe("'=SUM(A1:A2) typed as text");
  });

  it('is offered for registers only', () => {
    expect(formatsOf(hazardLog)).toEqual(['docx', 'csv']);
    expect(formatsOf(ccio)).toEqual(['docx']);
    expect(() => templateCsv(ccio)).toThrow(/is a document template: only registers are offered as CSV/);
  });

  it('is the bytes templateFile gives for csv', async () => {
    expect(new TextDecoder().decode(await templateFile(hazardLog, 'csv'))).toBe(templateCsv(hazardLog).replace(/^\uFEFF/, ''));
  });
});

describe('download sizes', () => {
  it('are given in KB, rounded up, never 0', () => {
    expect(formatSize(1)).toBe('1 KB');
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(1025)).toBe('2 KB');
    expect(formatSize(12 * 1024 * 1024)).toBe('12,288 KB');
  });
});
