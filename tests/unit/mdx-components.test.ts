/**
 * The components authors may use are listed twice: in src/components/mdx/index.ts, which the
 * site passes to <Content />, and in the safety gate's allow-list. They must never drift apart:
 * a component the gate allows but the site lacks breaks the build; one the site has but the gate
 * refuses can never be used. index.ts imports .astro files, so it is read as text here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedComponents, allowedElements } from '../../src/lib/validate/rules/mdx-safety';

const indexSource = readFileSync('src/components/mdx/index.ts', 'utf8');

function exportedComponentNames(source: string): string[] {
  const match = source.match(/export const mdxComponents\s*=\s*\{([^}]*)\}/);
  if (!match) throw new Error('src/components/mdx/index.ts no longer exports `mdxComponents = { … }`');
  return match[1]
    .split(',')
    .map((part) => part.split(':')[0].trim())
    .filter(Boolean);
}

describe('the components authors may use', () => {
  it('are the same in the safety gate and in the site', () => {
    expect([...allowedComponents].sort()).toEqual(exportedComponentNames(indexSource).sort());
  });

  it('each have an .astro file in src/components/mdx/', () => {
    for (const name of allowedComponents) expect(existsSync(`src/components/mdx/${name}.astro`), name).toBe(true);
  });

  it('each have their attributes listed for the safety gate', () => {
    for (const name of allowedComponents) expect(allowedElements[name], name).toBeDefined();
  });

  it('allow only the attributes each component declares in its Props', () => {
    for (const name of allowedComponents) {
      const source = readFileSync(`src/components/mdx/${name}.astro`, 'utf8');
      const props = source.match(/interface Props\s*\{([^}]*)\}/)?.[1] ?? '';
      const declared = [...props.matchAll(/(\w+)\??\s*:/g)].map((m) => m[1]).sort();
      expect([...allowedElements[name].attributes].sort(), name).toEqual(declared);
    }
  });
});
