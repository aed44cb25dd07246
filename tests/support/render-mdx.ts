/**
 * Runs compiled MDX the way a page would, with a minimal JSX runtime that renders HTML text, and a
 * trap for code: every hostile piece in tests/support/mdx-arbitraries.ts sets globalThis.__pwned
 * when it runs. The HTML check below is written apart from the safety gate, so it can disagree.
 */
import type { EvaluateOptions } from 'satteri';

type Props = Record<string, unknown> & { children?: unknown };
type Element = { type: unknown; props: Props };

const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Props): Element => ({ type, props });

/** The components the site gives authors, reduced to the HTML elements they render. */
const components: Record<string, (props: Props) => Element> = {
  Callout: (p) => jsx('div', { class: 'callout', children: p.children }),
  Warning: (p) => jsx('div', { class: 'warning', children: [jsx('h3', { children: p.title }), p.children] }),
  Details: (p) => jsx('details', { children: [jsx('summary', { children: p.summary }), p.children] }),
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

function render(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (Array.isArray(node)) return node.map(render).join('');
  if (typeof node === 'string' || typeof node === 'number') return escapeText(String(node));
  const { type, props } = node as Element;
  if (type === Fragment) return render(props.children);
  if (typeof type === 'function') return render((type as (p: Props) => unknown)(props));
  const attributes = Object.entries(props)
    .filter(([name]) => name !== 'children')
    .map(([name, value]) => ` ${name}="${escapeAttribute(typeof value === 'string' ? value : JSON.stringify(value) ?? '')}"`)
    .join('');
  return `<${String(type)}${attributes}>${render(props.children)}</${String(type)}>`;
}

/** Runs `evaluate` (compile and run), renders the content, and fails if any code ran. */
export function trap(run: () => unknown): string {
  const global = globalThis as { __pwned?: unknown };
  delete global.__pwned;
  const exports = run() as { default: (props: Props) => unknown };
  const html = render(exports.default({ components }));
  if (global.__pwned !== undefined) throw new Error('code in the draft ran');
  return html;
}
trap.runtime = { Fragment, jsx, jsxs: jsx, useMDXComponents: () => components } as unknown as EvaluateOptions;

/** Elements that run code, load other documents or take input, however they are spelled. */
const dangerousElements = /<(script|iframe|frame|object|embed|style|form|input|button|link|meta|base|svg|math|template|textarea)\b/i;

/** Every way the rendered HTML could run code in a reader's browser, as short descriptions. */
export function renderedDangers(html: string): string[] {
  const dangers: string[] = [];
  const element = dangerousElements.exec(html);
  if (element) dangers.push(`element <${element[1]}>`);
  for (const [, tag, attributes] of html.matchAll(/<([a-z][\w-]*)([^>]*)>/gi)) {
    for (const [, name, value] of attributes.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
      if (/^on/i.test(name)) dangers.push(`<${tag} ${name}>`);
      if (/^(style|srcdoc|formaction)$/i.test(name)) dangers.push(`<${tag} ${name}>`);
      // What a browser would see: entities decoded, then whitespace and controls ignored in the scheme.
      const decoded = value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const scheme = decoded.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data):/.test(scheme)) dangers.push(`<${tag} ${name}="${scheme.slice(0, 20)}…">`);
    }
  }
  return dangers;
}
