/**
 * Reads built HTML into a DOM with html-validate's parser (already a dependency, so no second
 * HTML library), and the project's html-validate configuration, which is loaded explicitly
 * because the built site may sit outside the project (DIST_DIR) where it would not be found.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate, Parser, type ConfigData, type HtmlElement } from 'html-validate';

export type { HtmlElement } from 'html-validate';

/** .htmlvalidate.json at the project root. */
export function htmlValidateConfig(root = process.cwd()): ConfigData {
  return JSON.parse(readFileSync(resolve(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

let validator: HtmlValidate | undefined;
export function htmlValidator(): HtmlValidate {
  validator ??= new HtmlValidate({ ...htmlValidateConfig(), root: true });
  return validator;
}

let parser: Parser | undefined;
async function getParser(): Promise<Parser> {
  parser ??= new Parser(await htmlValidator().getConfigFor('page.html'));
  return parser;
}

export async function parseHtml(source: string): Promise<HtmlElement> {
  return (await getParser()).parseHtml(source);
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Attribute values come back as written; decode the character references Astro emits. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** An attribute's decoded value, or undefined when absent. */
export function attr(element: HtmlElement, name: string): string | undefined {
  const value = element.getAttributeValue(name);
  return value === null ? undefined : decodeEntities(value);
}
