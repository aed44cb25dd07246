/**
 * Reads a .docx back for the tests: unzips it with fflate and pulls the paragraphs out of
 * word/document.xml, each with its style and its text, decoded as Word would show it. Written
 * apart from the generator (src/lib/templates/docx.ts) so it checks the file, not the code.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  /** The paragraph style, e.g. "Title" or "Heading1"; undefined for body text. */
  style?: string;
  text: string;
}

export interface OpenedDocx {
  /** Every part of the package by its path, e.g. "word/document.xml". */
  parts: Record<string, Uint8Array>;
  part(name: string): string;
  paragraphs: DocxParagraph[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entities[name],
  );
}

export function openDocx(bytes: Uint8Array): OpenedDocx {
  const parts = unzipSync(bytes);
  const part = (name: string) => {
    if (!parts[name]) throw new Error(`the package has no ${name}; it has ${Object.keys(parts).join(', ')}`);
    return strFromU8(parts[name]);
  };
  const body = part('word/document.xml');
  const paragraphs = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => ({
    style: inner.match(/<w:pStyle w:val="([^"]+)"/)?.[1],
    text: [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => decode(t)).join(''),
  }));
  return { parts, part, paragraphs };
}
