import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { usualYaml, writeYaml, yamlOptions } from '../../src/lib/content/yaml-writer';

const reference = (value: Record<string, unknown>) => stringify(value, yamlOptions);

// Text with what YAML treats specially, mixed with ordinary words, so both paths are taken.
const tricky = fc.constantFrom(
  '', ' ', ':', ': ', '#', ' #', '-', '- ', '?', '? ', "'", '"', '\\', '\t', '\n', '\r', '---', '...', '%', '@', '`', '|', '>', '!', '&', '*',
  ',', '[', ']', '{', '}', 'true', 'False', 'null', '~', 'NULL', '12', '-3', '0x1F', '0o17', '1e3', '.5', '.inf', '.NaN', 'yes', 'no', 'on',
  '\u0000', '\u0085', '\u00a0', '\u2028', '\ud800', '😀', 'é', '–', '’', 'http://x.nhs.uk/a#b', 'C#', '£2m', '2,000',
);
const word = fc.oneof(fc.constantFrom('Training', 'nurses', 'EPR', 'ward', 'go-live', '(phase 2)', 'e.g.', 'A&E', 'dm+d'), tricky);
const text = fc.array(word, { maxLength: 6 }).chain((words) => fc.constantFrom(words.join(' '), words.join('')));
const scalar = fc.oneof(text, fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constantFrom(0.5, -0, 1e21, null, undefined));
const key = fc.oneof(fc.constantFrom('title', 'summary', 'outcome', 'headline', 'url', 'sources', 'pillars'), text);
const flatMap = fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 4 });
const value = fc.oneof(scalar, fc.array(fc.oneof(scalar, flatMap), { maxLength: 3 }), flatMap, fc.dictionary(key, fc.oneof(flatMap, fc.array(flatMap, { maxLength: 2 })), { maxKeys: 3 }));

describe('the front-matter YAML writer', () => {
  it('writes exactly what the yaml package writes, for any map of the shapes front-matter has', () => {
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (map) => {
      expect(writeYaml(map)).toBe(reference(map));
    }), { numRuns: 3000 });
  });

  it('writes a key with a line separator before a document marker as yaml does (found by the property test above)', () => {
    for (const key of ['\u2028---', 'x\u2029...', '\u2028%', '\u2028-']) expect(writeYaml({ [key]: {} }), JSON.stringify(key)).toBe(reference({ [key]: {} }));
  });

  it('writes the usual shapes itself, without quotes', () => {
    const map = { title: 'Training 2,000 nurses (a how-to)', pillars: ['support-people'], cost: { band: 'under-50k', total: 40000 }, sources: [{ title: 'Board paper', url: 'https://example.nhs.uk/a#b' }], related: [], illustrative: true };
    expect(usualYaml(map)).toBe(reference(map));
    expect(writeYaml(map)).toContain('title: Training 2,000 nurses (a how-to)\n');
    expect(writeYaml(map)).toContain('sources:\n  - title: Board paper\n    url: https://example.nhs.uk/a#b\n');
  });

  it('leaves what needs quotes or a block to the yaml package', () => {
    for (const title of ['Outcome: fewer incidents', '- a list?', 'true', '12', 'two\nlines', 'ends with a colon:']) {
      expect(usualYaml({ title }), title).toBeUndefined();
      expect(writeYaml({ title }), title).toBe(reference({ title }));
    }
  });

  it('matches the yaml package on the front-matter of every bundled file, most without it', () => {
    const root = 'src/content';
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(20);
    let usual = 0;
    for (const file of files) {
      const fence = readFileSync(join(root, file), 'utf8').match(/^---\n([\s\S]*?)\n---\n/);
      if (!fence) continue;
      const data = parse(fence[1]) as Record<string, unknown>;
      expect(writeYaml(data), file).toBe(reference(data));
      if (usualYaml(data) !== undefined) usual += 1;
    }
    expect(usual).toBeGreaterThan(files.length / 2);
  });
});
