/**
 * The MDX safety gate. Contributed MDX is code: imports, exports and {expressions} run while the
 * site is built (where they could read secrets), and scripts, event handlers and javascript:
 * links run in readers' browsers. A file that contains any of them is rejected, never silently
 * cleaned, so what the author sees in review is exactly what is published.
 *
 * What authors may write: Markdown (with GitHub tables), MDX comments {/* like this *\/}, the
 * components in `allowedElements`, with only the attributes listed there, and links to web
 * addresses. No images: one from another site would tell it who reads the page, and one from a
 * path becomes an import the build runs as code. Everything else is a problem naming the line and
 * what to write instead.
 */
import type { Node, Parent } from 'unist';
import { parseEntities } from 'parse-entities';
import type { Corpus } from '../corpus';
import { eachNode, parseMdxBody, type MdxParser, type ParsedBody } from '../mdx-body';
import type { Problem } from '../problem';
import { maxFileBytes } from './file-size';

/** Components an author may use without importing them. The site passes these to <Content />. */
export const allowedComponents = ['Callout', 'Warning', 'Details'] as const;

/**
 * Every element an author may write, with the attributes each accepts. Components first (the
 * site's own, see src/components/mdx/), then a few harmless HTML elements Markdown has no
 * syntax for. Attributes not listed are refused: a short list leaves nothing to audit, and shuts
 * out Astro directives such as set:html.
 */
export const allowedElements: Record<string, { attributes: readonly string[]; required?: readonly string[] }> = {
  Callout: { attributes: [] },
  Warning: { attributes: ['title'] },
  Details: { attributes: ['summary'], required: ['summary'] },
  abbr: { attributes: ['title'] },
  sub: { attributes: [] },
  sup: { attributes: [] },
  br: { attributes: [] },
  kbd: { attributes: [] },
};

/** HTML elements that can run code, load other pages or take input; named in their own message. */
export const dangerousElements = new Set([
  'script', 'iframe', 'object', 'embed', 'style', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg',
  'math', 'frame', 'frameset', 'applet', 'template', 'noscript', 'textarea', 'select', 'option',
]);

/** What to write in Markdown instead of a common HTML element. */
const markdownFor: Record<string, string> = {
  a: 'write a link as [link text](https://…)',
  img: 'describe the image in words, or link to it, as [what the image shows](https://…): pages show no images',
  p: 'leave a blank line between paragraphs',
  strong: 'write **bold**',
  b: 'write **bold**',
  em: 'write *italic*',
  i: 'write *italic*',
  h1: 'write a heading as ## Heading (the page title is the level 1 heading)',
  h2: 'write a heading as ## Heading',
  h3: 'write a heading as ### Heading',
  h4: 'write a heading as #### Heading',
  ul: 'write a list with a "- " at the start of each line',
  ol: 'write a numbered list with "1. " at the start of each line',
  li: 'write a list with a "- " at the start of each line',
  table: 'write a Markdown table with | between columns',
  code: 'write code between `backticks`',
  pre: 'write a code block between lines of ```',
  blockquote: 'start each quoted line with "> "',
  hr: 'write a line of ---',
  details: 'use <Details summary="…">…</Details>',
  div: 'remove the element and keep its text',
  span: 'remove the element and keep its text',
};

/** URL schemes that run code or smuggle in content when a reader follows or loads them. */
const dangerousSchemes = ['javascript', 'vbscript', 'data'];

/** Characters browsers ignore inside a URL's scheme: controls, spaces, zero-width marks. */
const ignorable = /[\u0000-\u0020\u007f-\u00a0\u00ad\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/**
 * The dangerous scheme a URL or attribute value starts with, if any, however it is disguised:
 * HTML character references and percent-encoding are decoded (repeatedly, so double encoding
 * does not help), then whitespace and control characters are dropped and case ignored.
 */
export function dangerousScheme(value: string): string | undefined {
  let text = value;
  for (let i = 0; i < 5; i++) {
    const decoded = percentDecode(parseEntities(text));
    if (decoded === text) break;
    text = decoded;
  }
  const squashed = text.replace(ignorable, '').toLowerCase();
  return dangerousSchemes.find((scheme) => squashed.startsWith(`${scheme}:`));
}

/**
 * Whether an image at this URL would be loaded from another site: any address with a scheme, or
 * starting // (or /\, which browsers read the same), however it is disguised as above. A path on
 * this site is not.
 */
export function offSite(value: string): boolean {
  let text = value;
  for (let i = 0; i < 5; i++) {
    const decoded = percentDecode(parseEntities(text));
    if (decoded === text) break;
    text = decoded;
  }
  const squashed = text.replace(ignorable, '').replace(/\\/g, '/');
  return /^[a-z][a-z0-9+.-]*:/i.test(squashed) || squashed.startsWith('//');
}

/**
 * Why no Markdown image is built. From another site, it would tell that site who reads the page;
 * from a path, the compiler turns it into an import of that file, which runs as code while the site
 * is built. Either way the image is a link instead.
 */
function imageMessage(url: string): string {
  return offSite(url)
    ? 'this image would be loaded from another site each time the page is read, which tells that site who reads it: link to it instead, as [what the image shows](https://…)'
    : 'this image names a file, which the build would load as code: pages show no images yet, so describe it in words, or link to it, as [what the image shows](https://…)';
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

type Finding = { node: Node; rule: string; message: string };

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string };
  position?: Node['position'];
}

interface JsxElement extends Parent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

const componentList = allowedComponents.join(', ');
const htmlList = Object.keys(allowedElements)
  .filter((n) => /^[a-z]/.test(n))
  .map((n) => `<${n}>`)
  .join(', ');

function describeElement(name: string | null): string {
  return name === null ? '<>…</> (a fragment)' : `<${name}>`;
}

function checkElement(element: JsxElement, findings: Finding[]): void {
  const { name } = element;
  const allowed = name !== null ? allowedElements[name] : undefined;
  const isHtml = name !== null && /^[a-z]/.test(name) && !/[.:]/.test(name);
  if (!allowed) {
    let message: string;
    if (isHtml && dangerousElements.has(name)) {
      message = `<${name}> is not allowed: it can run code, load another page or collect input in readers' browsers. Remove it; to point readers somewhere else, write a link as [link text](https://…)`;
    } else if (isHtml) {
      message = `<${name}> is HTML, which blueprints do not use: ${markdownFor[name] ?? 'use Markdown instead'}. The only elements allowed are ${componentList} and ${htmlList}`;
    } else {
      message = `${describeElement(name)} is not a component you can use: use ${componentList}, or Markdown. Components cannot be imported`;
    }
    findings.push({ node: element, rule: 'mdx-safety/element', message });
  }

  const names = new Set<string>();
  for (const attribute of element.attributes) {
    const where = attribute.position ? attribute : element;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      findings.push({ node: where as Node, rule: 'mdx-safety/spread-attribute', message: `{${attribute.value ?? '…'}} passes code as attributes, which would run while the site is built: write each attribute as name="text"` });
      continue;
    }
    const attrName = attribute.name ?? '';
    names.add(attrName);
    if (/^on/i.test(attrName)) {
      findings.push({ node: where as Node, rule: 'mdx-safety/event-handler', message: `${attrName} is an event handler, which runs code in readers' browsers: remove it` });
      continue;
    }
    if (attrName.toLowerCase() === 'style') {
      findings.push({ node: where as Node, rule: 'mdx-safety/style-attribute', message: `style attributes are not allowed (they can hide or disguise content, and load addresses): remove it and let the site's styles apply` });
      continue;
    }
    const value = attribute.value;
    if (value && typeof value === 'object') {
      findings.push({ node: where as Node, rule: 'mdx-safety/attribute-expression', message: `${attrName}={…} is code, which would run while the site is built: write the value as text in quotes, e.g. ${attrName}="…"` });
      continue;
    }
    if (typeof value === 'string') {
      const scheme = dangerousScheme(value);
      if (scheme) {
        findings.push({ node: where as Node, rule: 'mdx-safety/url', message: `${attrName} starts with "${scheme}:", which can run code or hide content: use a web address starting https://, or reword the text so it does not start with "${scheme}:"` });
        continue;
      }
    }
    if (allowed && !allowed.attributes.includes(attrName)) {
      const accepted = allowed.attributes.length ? `it accepts only ${allowed.attributes.join(', ')}` : 'it takes no attributes';
      findings.push({ node: where as Node, rule: 'mdx-safety/attribute', message: `<${name}> does not accept ${attrName}: ${accepted}. Remove ${attrName}` });
    }
  }
  for (const required of allowed?.required ?? []) {
    if (!names.has(required)) {
      findings.push({ node: element, rule: 'mdx-safety/attribute', message: `<${name}> needs a ${required}: write <${name} ${required}="…">` });
    }
  }
}

function isCommentOnly(node: Node): boolean {
  const program = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
  if (program) return program.body.length === 0;
  // The native parser gives no estree, so read the expression as JavaScript does: nothing but
  // whitespace, /* block */ and // line comments (an empty {} included) is a comment. A line
  // comment ends at any of JavaScript's line ends (a lone carriage return, U+2028 and U+2029 as
  // well as a line feed): what follows one is code.
  const value = (node as unknown as { value?: string }).value ?? '';
  let i = 0;
  for (;;) {
    while (i < value.length && /\s/.test(value[i])) i++;
    if (value.startsWith('/*', i)) {
      const end = value.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (value.startsWith('//', i)) {
      const end = value.slice(i).search(/[\n\r\u2028\u2029]/);
      i = end < 0 ? value.length : i + end + 1;
    } else return i === value.length;
  }
}

/** Problems in one MDX file, parsed with `parse`. The contribution form checks a draft on its own with it. */
export function checkMdxSource(file: string, source: string, parse: MdxParser): Problem[] {
  return checkParsedBody(file, parseMdxBody(source, parse));
}

/**
 * The everyday writing behind most unreadable MDX, said plainly for authors who are not
 * programmers: a "<" before a number ("<4 hours") and curly brackets in prose. The parser's own
 * words (native, or micromark's in the browser) follow in brackets.
 */
function everydaySlip(message: string): string | undefined {
  if (/Unexpected character after `<`|Unexpected character .* before name/.test(message) && !/comment/.test(message)) {
    return 'a "<" that does not open a component, as in "<4 hours", needs a backslash before it: write \\<4 hours, or "under 4 hours"';
  }
  if (/Could not parse expression/.test(message)) return 'curly brackets mark code here: to show { or } in the text, write \\{ and \\}';
  return undefined;
}

function checkParsedBody(file: string, parsed: ParsedBody): Problem[] {
  if (parsed.error) {
    const { message, line, column, ruleId } = parsed.error;
    if (ruleId === 'structure') return [{ file, line, column, field: 'structure', message }];
    const slip = everydaySlip(message);
    return [{
      file,
      line,
      column,
      field: 'mdx-safety/syntax',
      message: slip
        ? `${slip} (MDX could not read it: ${message.replace(/\.$/, '')})`
        : `could not be read as MDX: ${message.replace(/\.$/, '')}. MDX treats < and { as the start of code: close every <Component>, write \\< or \\{ for the characters themselves, and comments as {/* … */}`,
    }];
  }

  const findings: Finding[] = [];
  // Where each reference-style image (![alt][name]) points: its definition, anywhere in the file.
  const defined = new Map<string, string>();
  eachNode(parsed.tree, (node: Node) => {
    if (node.type === 'definition') defined.set((node as unknown as { identifier: string }).identifier, (node as unknown as { url: string }).url);
  });
  eachNode(parsed.tree, (node: Node) => {
    switch (node.type) {
      case 'imageReference': {
        const url = defined.get((node as unknown as { identifier: string }).identifier);
        if (url !== undefined) findings.push({ node, rule: 'mdx-safety/image', message: imageMessage(url) });
        break;
      }
      case 'mdxjsEsm':
        findings.push({ node, rule: 'mdx-safety/import-export', message: 'import and export are code, which would run while the site is built: remove the line. The components Callout, Warning and Details are available without importing them' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node)) {
          findings.push({ node, rule: 'mdx-safety/expression', message: `{${truncate((node as unknown as { value: string }).value)}} is code, which would run while the site is built: remove it, write \\{ to show a curly bracket, or {/* … */} for a comment` });
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node as JsxElement, findings);
        break;
      case 'html':
        findings.push({ node, rule: 'mdx-safety/html', message: 'raw HTML is not allowed: use Markdown, or the components Callout, Warning and Details' });
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const url = (node as unknown as { url: string }).url;
        const scheme = dangerousScheme(url);
        if (scheme) {
          const what = node.type === 'image' ? 'image' : 'link';
          findings.push({ node, rule: 'mdx-safety/url', message: `this ${what} starts with "${scheme}:", which can run code or hide content in readers' browsers: link to a web address starting https://` });
        } else if (node.type === 'image') findings.push({ node, rule: 'mdx-safety/image', message: imageMessage(url) });
        break;
      }
    }
  });

  return findings.map(({ node, rule, message }) => ({
    file,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    field: rule,
    message,
  }));
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

/**
 * Every MDX file is checked, whatever its kind, because the site compiles every .mdx file in the
 * content folder. Oversized files are left to the file-size rule rather than parsed at length.
 * (TextEncoder rather than Buffer: the drafting form loads this module in the browser.)
 */
export function checkMdxSafety(corpus: Corpus): Problem[] {
  return corpus.entries
    .filter((entry) => /\.mdx?$/i.test(entry.file.path) || entry.kind === 'blueprint' || entry.kind === 'playbook')
    .filter((entry) => new TextEncoder().encode(entry.file.source).length <= maxFileBytes)
    .flatMap((entry) => {
      const body = corpus.bodyOf(entry);
      return body ? checkParsedBody(entry.file.path, body) : [];
    });
}
