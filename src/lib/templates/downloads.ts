/**
 * The files each template is downloaded as: Word for every template, and CSV for a register, so it
 * opens straight into a spreadsheet. Pages, endpoints and tests all read this list.
 */
import { toCsv } from '../open-data/csv';
import type { Template } from '../schema/template';
import { templateDocx, type DocxOptions } from './docx';
import { registerRows } from './rows';

export const downloadFormats = {
  docx: { name: 'Word', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { name: 'CSV', mediaType: 'text/csv; charset=utf-8' },
} as const;

export type DownloadFormat = keyof typeof downloadFormats;

/** The largest file a template may be downloaded as: a template is an outline, not a report. */
export const maxDownloadBytes = 2 * 1024 * 1024;

/** The formats a template is offered in, Word first. */
export function formatsOf(t: Template): DownloadFormat[] {
  return t.kind === 'register' ? ['docx', 'csv'] : ['docx'];
}

/** A register as CSV: the column names, then the example rows, marked. */
export function templateCsv(t: Template): string {
  if (t.kind !== 'register') throw new Error(`"${t.title}" is a document template: only registers are offered as CSV`);
  return toCsv(...registerRows(t));
}

/** A template's file in one format, as bytes. */
export async function templateFile(t: Template, format: DownloadFormat, options: DocxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return format === 'docx' ? templateDocx(t, options) : new TextEncoder().encode(templateCsv(t));
}

/** A size as a download link gives it, e.g. "12 KB" (1 KB = 1,024 bytes, rounded up). */
export function formatSize(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('en-GB')} KB`;
}
