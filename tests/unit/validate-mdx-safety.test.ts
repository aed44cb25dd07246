/**
 * The MDX safety gate: every file in tests/fixtures/unsafe/ holds one unsafe thing in an
 * otherwise valid blueprint, and must be rejected with the rule and line named here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { readCorpus } from '../../src/lib/validate/corpus';
import { compiledText, eachNode } from '../../src/lib/validate/mdx-body';
import { remarkMdxParser } from '../../src/lib/validate/remark-parser';
import { checkMdxSafety, checkMdxSource, dangerousScheme, offSite } from '../../src/lib/validate/rules/mdx-safety';

const unsafeDir = 'tests/fixtures/unsafe';
const read = (path: string) => readFileSync(path, 'utf8');

/** Rule, a piece of the message, and the line of the unsafe thing (the body starts at line 25). */
const expected: Record<string, { rule: string; says: RegExp; line: number; column?: number }> = {
  'import.mdx': { rule: 'import-export', says: /import and export are code/, line: 29, column: 1 },
  'export.mdx': { rule: 'import-export', says: /import and export are code/, line: 29 },
  'flow-expression.mdx': { rule: 'expression', says: /\{process\.env\.GITHUB_TOKEN\} is code/, line: 29 },
  'text-expression.mdx': { rule: 'expression', says: /is code, which would run while the site is built/, line: 29, column: 20 },
  'expression-after-comment.mdx': { rule: 'expression', says: /is code/, line: 29, column: 29 },
  'attribute-expression.mdx': { rule: 'attribute-expression', says: /title=\{…\} is code/, line: 29, column: 10 },
  'spread-attribute.mdx': { rule: 'spread-attribute', says: /passes code as attributes/, line: 29 },
  'script.mdx': { rule: 'element', says: /<script> is not allowed/, line: 29 },
  'script-capitalised.mdx': { rule: 'element', says: /<Script> is not a component you can use/, line: 29 },
  'iframe.mdx': { rule: 'element', says: /<iframe> is not allowed/, line: 29 },
  'svg.mdx': { rule: 'element', says: /<svg> is not allowed/, line: 29 },
  'html-element.mdx': { rule: 'element', says: /<div> is HTML.*keep its text/, line: 29 },
  'unknown-component.mdx': { rule: 'element', says: /<Secrets> is not a component/, line: 29 },
  'img-onerror.mdx': { rule: 'event-handler', says: /onError is an event handler/, line: 29, column: 14 },
  'component-onclick.mdx': { rule: 'event-handler', says: /ONCLICK is an event handler/, line: 29 },
  'style-attribute.mdx': { rule: 'style-attribute', says: /style attributes are not allowed/, line: 29 },
  'set-html-directive.mdx': { rule: 'attribute', says: /<Callout> does not accept set:html/, line: 29 },
  'javascript-link.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 29 },
  'javascript-link-mixed-case.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 29 },
  'javascript-link-entity.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 29 },
  'javascript-link-percent.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 29 },
  'javascript-link-tab-entity.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 29 },
  'vbscript-link.mdx': { rule: 'url', says: /starts with "vbscript:"/, line: 29 },
  'data-image.mdx': { rule: 'url', says: /this image starts with "data:"/, line: 29 },
  'javascript-definition.mdx': { rule: 'url', says: /starts with "javascript:"/, line: 31 },
  'remote-image.mdx': { rule: 'image', says: /this image would be loaded from another site .*link to it instead/, line: 29 },
  'file-image.mdx': { rule: 'image', says: /this image names a file, which the build would load as code/, line: 29 },
  'comment-carriage-return.mdx': { rule: 'expression', says: /is code, which would run while the site is built/, line: 29 },
  'remote-image-reference.mdx': { rule: 'image', says: /this image would be loaded from another site/, line: 29 },
  'javascript-attribute.mdx': { rule: 'url', says: /summary starts with "javascript:"/, line: 29 },
  'html-comment.mdx': { rule: 'syntax', says: /could not be read as MDX: .*comment in MDX, use `\{\/\* text \*\/\}`/, line: 29 },
  'unclosed-component.mdx': { rule: 'syntax', says: /could not be read as MDX: Expected a closing tag for `<Callout>`/, line: 29 },
};

describe('the MDX safety gate', () => {
  it('has an expectation for every unsafe fixture, and a fixture for every expectation', () => {
    expect(readdirSync(unsafeDir).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, { rule, says, line, column }] of Object.entries(expected)) {
    it(`rejects ${name.replace(/\.mdx$/, '').replace(/-/g, ' ')} with mdx-safety/${rule} at line ${line}`, () => {
      const file = `${unsafeDir}/${name}`;
      const problems = checkMdxSource(file, read(file), remarkMdxParser);
      const match = problems.find((p) => p.field === `mdx-safety/${rule}`);
      expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(match).toMatchObject({ file, line });
      expect(match!.message).toMatch(says);
      if (column !== undefined) expect(match!.column).toBe(column);
    });
  }

  it('reports every problem in a file, not just the first', () => {
    const problems = checkMdxSource('x.mdx', '---\na: 1\n---\n\n{1}\n\nexport const b = 2\n\n[x](javascript:y)\n', remarkMdxParser);
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['mdx-safety/expression', 5],
      ['mdx-safety/import-export', 7],
      ['mdx-safety/url', 9],
    ]);
  });

  it('accepts comments, the allowed components and harmless formatting elements', () => {
    const body = [
      '{/* a prompt for the author */}',
      'Text with {/* an inline comment */} in it.',
      '<Callout>Note.</Callout>',
      '<Warning title="Careful">Text.</Warning>',
      '<Details summary="More">Hidden.</Details>',
      '<abbr title="Chief clinical information officer">CCIO</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd><br />',
      '[A link](https://example.org), [relative](/blueprints/), [anchor](#top), [mail](mailto:a@example.org)',
      '| a | b |\n| --- | --- |\n| 1 | 2 |',
      'A sentence about data: what we collected, and javascript: the language.',
    ].join('\n\n');
    expect(checkMdxSource('ok.mdx', `---\na: 1\n---\n\n${body}\n`, remarkMdxParser)).toEqual([]);
  });

  it('requires the summary of a Details component', () => {
    const problems = checkMdxSource('x.mdx', '---\na: 1\n---\n\n<Details>Hidden.</Details>\n', remarkMdxParser);
    expect(problems).toMatchObject([{ field: 'mdx-safety/attribute', line: 5, message: expect.stringMatching(/needs a summary/) }]);
  });

  it('checks text that Astro compiles even when our front-matter reader would take it as front-matter', () => {
    // Astro ends the front-matter at the first "---" after a line break, even mid-line.
    const source = '---\na: 1\n---<script>alert(1)</script>\nb: 2\n---\n\nBody.\n';
    expect(compiledText(source).split('\n')).toHaveLength(source.split('\n').length);
    expect(checkMdxSource('x.mdx', source, remarkMdxParser)).toMatchObject([{ field: 'mdx-safety/element', line: 3 }]);
  });

  it('says plainly how to write an everyday "<4 hours" or "{ward name}", whichever parser read it', async () => {
    const { nativeMdxParser } = await import('../../src/lib/validate/native-parser');
    for (const parse of [remarkMdxParser, nativeMdxParser]) {
      const [lessThan] = checkMdxSource('x.mdx', '---\na: 1\n---\n\nWaits fell to <4 hours.\n', parse);
      expect(lessThan.message).toMatch(/^a "<" that does not open a component, as in "<4 hours", needs a backslash before it: write \\<4 hours/);
      const [braces] = checkMdxSource('x.mdx', '---\na: 1\n---\n\nAsk the {ward name} lead.\n', parse);
      expect(braces.message).toMatch(/^curly brackets mark code here: to show \{ or \} in the text, write \\\{ and \\\}/);
    }
  });

  it('reports positions in the whole file, counting the front-matter lines', () => {
    const frontMatter = '---\n' + 'a: 1\n'.repeat(10) + '---\n';
    expect(checkMdxSource('x.mdx', `${frontMatter}\nText {1}\n`, remarkMdxParser)).toMatchObject([{ line: 14, column: 6 }]);
  });

  it('finds code however deeply it is nested within the limits, in document order', () => {
    const deep = `${'> '.repeat(10)}Text {1}\n\n- a {2}\n`;
    expect(checkMdxSource('x.mdx', deep, remarkMdxParser).map((p) => p.line)).toEqual([1, 3]);
  });

  it('refuses nesting past the limits without parsing it', () => {
    const deep = `${'> '.repeat(2000)}Text {1}\n`;
    expect(checkMdxSource('x.mdx', deep, () => expect.unreachable('the parser was called'))).toMatchObject([{ field: 'structure', line: 1 }]);
  });

  it('walks every node, parents before children, without recursion', () => {
    type N = { type: string; children?: N[] };
    let tree: N = { type: 'leaf' };
    for (let i = 0; i < 100_000; i++) tree = { type: 'wrap', children: [tree] };
    let count = 0;
    eachNode(tree, () => void count++);
    expect(count).toBe(100_001);
    const order: string[] = [];
    const small: N = { type: 'root', children: [{ type: 'a', children: [{ type: 'b' }] }, { type: 'c' }] };
    eachNode(small, (n) => void order.push(n.type));
    expect(order).toEqual(['root', 'a', 'b', 'c']);
  });

  it('passes every bundled content file', () => {
    const corpus = readCorpus(readContentFiles(process.cwd()).files, remarkMdxParser);
    expect(corpus.entries.length).toBeGreaterThan(0);
    expect(checkMdxSafety(corpus)).toEqual([]);
  });

  it('passes the valid fixtures', () => {
    const files = readdirSync('tests/fixtures/valid', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => ({ path: `tests/fixtures/valid/${name}`, source: read(`tests/fixtures/valid/${name}`) }));
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(checkMdxSafety(readCorpus(files, remarkMdxParser))).toEqual([]);
  });
});

describe('images from other sites', () => {
  it('are any address with a scheme or starting //, however disguised, and not a path on this site', () => {
    for (const away of ['https://tracker.example/t.png', 'HTTP://tracker.example/t.png', '//tracker.example/t.png', '/\\tracker.example/t.png', ' \u200bhttps://t.example/', '%68ttps://t.example/', 'ftp://t.example/']) {
      expect(offSite(away), away).toBe(true);
    }
    for (const here of ['/images/chart.png', 'chart.png', '../chart.png', '#top']) expect(offSite(here), here).toBe(false);
  });
});

describe('dangerous URL schemes', () => {
  const disguises = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    'java&#115;cript:alert(1)',
    'java&#x73;cript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)',
    '%6Aavascript:alert(1)',
    '%256Aavascript:alert(1)',
    '&amp;#106;avascript:alert(1)',
    'java\u200bscript:alert(1)',
  ];
  for (const value of disguises) {
    it(`sees through ${JSON.stringify(value)}`, () => {
      expect(dangerousScheme(value)).toBe('javascript');
    });
  }

  it('finds vbscript: and data: too', () => {
    expect(dangerousScheme('VBScript:msgbox(1)')).toBe('vbscript');
    expect(dangerousScheme('data:text/html,<script>')).toBe('data');
  });

  it('leaves web, mail and relative addresses alone', () => {
    for (const ok of ['https://example.org/javascript:', 'http://example.org', 'mailto:a@example.org', '/blueprints/', '#top', 'notes.md']) {
      expect(dangerousScheme(ok)).toBeUndefined();
    }
  });
});
