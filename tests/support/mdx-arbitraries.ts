/**
 * fast-check generators of MDX for the safety gate's property tests: safe pieces an author may
 * write, hostile pieces that run code (each sets globalThis.__pwned if it ever runs), random
 * noise made of the characters MDX treats specially, and containers that nest them.
 */
import fc from 'fast-check';

/** Pieces an author may write; the gate should accept each on its own. */
export const safePieces = [
  'Plain words, with punctuation: commas, full stops; and A&E.',
  '## A heading',
  '- a list item\n- another',
  '1. first\n2. second',
  '> a quotation',
  '**bold** and *italic* and `code`',
  '[a link](https://example.org/page?q=1#x)',
  '[a chart of waiting times](https://example.org/chart.png)',
  '<Callout>Something worth knowing.</Callout>',
  '<Warning title="Before you start">Something that can go wrong.</Warning>',
  '<Details summary="Our timeline">Month by month.</Details>',
  '<abbr title="Electronic patient record">EPR</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>',
  'line one<br />line two',
  '{/* a note for authors */}',
  '```\n<script>not run: this is code</script>\n```',
  '| Measure | Before | After |\n| --- | --- | --- |\n| Wait | 12 | 8 |',
  'Curly \\{ and angle \\< written as characters.',
  '---',
  '[reference link][ref]\n\n[ref]: https://example.org',
  'https://example.org/a-bare-address',
] as const;

/** Pieces that run code or put code in the page, wherever they sit in the text. */
export const hostileInline = [
  '{globalThis.__pwned = 1}',
  'text {(globalThis.__pwned = 1)} text',
  '{/* a note */ globalThis.__pwned = 1}',
  '<script>globalThis.__pwned = 1</script>',
  '<Script>globalThis.__pwned = 1</Script>',
  '<img src="x" onerror="globalThis.__pwned = 1" />',
  '<Callout onClick="globalThis.__pwned = 1">x</Callout>',
  '<Callout ONMOUSEOVER="x">x</Callout>',
  '<Warning title={(globalThis.__pwned = 1)}>x</Warning>',
  '<Callout {...(globalThis.__pwned = 1, {})}>x</Callout>',
  '<Callout set:html="<script>globalThis.__pwned = 1</script>">x</Callout>',
  '<Details summary="s" style="background:url(javascript:x)">x</Details>',
  '<iframe src="https://example.org"></iframe>',
  '<a href="javascript:globalThis.__pwned = 1">x</a>',
  '[x](javascript:globalThis.__pwned=1)',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](%6Aavascript:alert(1))',
  '[x]( vbscript:msgbox(1))',
  '![x](data:text/html;base64,PHNjcmlwdD4=)',
  '{// a comment, then a carriage return\rglobalThis.__pwned = 1}',
  '{// and a line separator\u2028globalThis.__pwned = 1}',
  '![x](./pwned.mjs)',
  '[x][evil]\n\n[evil]: javascript:alert(1)',
  '<Details summary="javascript:alert(1)">x</Details>',
  '<svg><script>globalThis.__pwned = 1</script></svg>',
  '<Secret />',
  '<div>text</div>',
] as const;

/** Module code: hostile at the top level of a file only (inside a list or quote it is plain text). */
export const hostileTopLevel = [
  'export const a = (globalThis.__pwned = 1)',
  "import fs from 'node:fs'",
  'export default function Layout() { globalThis.__pwned = 1 }',
] as const;

/** Characters MDX gives a meaning to, and a few ordinary ones. */
const noiseCharacters = [...'<>{}[]()*_`!#-:/="\' \n\tabjsx&;\\|~.1'];
const noise = fc.string({ unit: fc.constantFrom(...noiseCharacters), maxLength: 40 });

/** Containers a piece can be nested in, applied line by line where Markdown needs it. */
const containers: ((text: string) => string)[] = [
  (t) => t.replace(/^/gm, '> '),
  (t) => `- ${t.replace(/\n/g, '\n  ')}`,
  (t) => `1. ${t.replace(/\n/g, '\n   ')}`,
  (t) => `<Callout>\n\n${t}\n\n</Callout>`,
  (t) => `<Details summary="More">\n\n${t}\n\n</Details>`,
  // Inline wrappers only around one line: around a reference definition they make it plain text.
  (t) => (t.includes('\n') ? t : `**${t}**`),
  (t) => (t.includes('\n') ? t : `Before ${t} after`),
];

const nested = (piece: fc.Arbitrary<string>) =>
  fc.tuple(piece, fc.array(fc.nat(containers.length - 1), { maxLength: 4 })).map(([text, wraps]) => wraps.reduce((t, w) => containers[w](t), text));

const block = fc.oneof(
  { weight: 5, arbitrary: nested(fc.constantFrom(...safePieces)) },
  { weight: 2, arbitrary: nested(fc.constantFrom(...hostileInline)) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileTopLevel) },
  { weight: 2, arbitrary: nested(noise) },
);

const frontMatter = fc.constantFrom('', '---\ntitle: A draft\n---\n\n', '\uFEFF---\ntitle: "x ---"\n---\n');

/** A whole draft: optional front-matter, then blocks joined as paragraphs, lines or words. */
export const mdxDocument = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\n', ' '))
  .map(([head, blocks, joiner]) => head + blocks.join(joiner) + '\n');

/** One hostile inline piece, nested in up to four containers, with safe text around it. */
export const hostileDocument = fc
  .tuple(nested(fc.constantFrom(...hostileInline)), fc.constantFrom(...safePieces))
  .map(([hostile, safe]) => `${safe}\n\n${hostile}\n`);
