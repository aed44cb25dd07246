/**
 * Front-matter YAML, byte for byte as the `yaml` package writes it with
 * `{ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }`, but without building
 * its document model for the usual shapes: maps, lists, whole numbers, true and false, and
 * one-line strings that need no quotes. That model was an eighth of the gateway's check of a
 * proposal. Anything else (a string that needs quotes or a block, an empty key, a list in a list)
 * goes to `yaml` itself, so the output never differs; tests/unit/yaml-writer.test.ts compares the
 * two on generated values and on every bundled file's front-matter.
 */
import { Document, stringify } from 'yaml';

export const yamlOptions = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

/** Strings YAML 1.2 would read as something else (null, true, 12, 0x1F, 1e3, .nan), from yaml's own schema. */
const otherTypes = new Document().schema.tags
  .filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test)
  .map((tag) => tag.test!);

/**
 * Where yaml quotes a one-line string, or writes it as a block: an indicator first, ": " or " #"
 * inside, a space or colon last, a document marker, a tab, a line break, a control character, a
 * surrogate. Also left to yaml: a Unicode line or paragraph separator, which yaml's checks for a
 * document marker in a key read as a line end ("\u2028---" as a key is quoted; as a value, not).
 */
const needsQuotes = /^[ ,[\]{}#&*!|>'"%@`?-]|^\.\.\.|: | #|[ :]$|[\t\n\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\uD800-\uDFFF]/;

function plainScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value && !needsQuotes.test(value) && !otherTypes.some((t) => t.test(value)) ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Whether a map has a key yaml writes: it leaves out keys whose value is undefined. */
const hasEntries = (map: Record<string, unknown>) => Object.values(map).some((v) => v !== undefined);

/** Lines of a map whose keys sit at `indent`; the first line's indent is `first` (a list item's "- "). */
function mapLines(map: Record<string, unknown>, indent: string, first = indent): string[] | undefined {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const k = plainScalar(key);
    // Past 1,024 characters a key must be written explicitly ("? key").
    if (k === undefined || k.length > 1024) return undefined;
    const at = lines.length ? indent : first;
    const scalar = plainScalar(value);
    if (scalar !== undefined) {
      lines.push(`${at}${k}: ${scalar}`);
    } else if (Array.isArray(value)) {
      if (!value.length) {
        lines.push(`${at}${k}: []`);
        continue;
      }
      lines.push(`${at}${k}:`);
      for (const item of value) {
        const one = plainScalar(item);
        if (one !== undefined) lines.push(`${indent}  - ${one}`);
        else if (isMap(item) && hasEntries(item)) {
          const inner = mapLines(item, `${indent}    `, `${indent}  - `);
          if (!inner) return undefined;
          lines.push(...inner);
        } else return undefined;
      }
    } else if (isMap(value)) {
      if (!hasEntries(value)) {
        lines.push(`${at}${k}: {}`);
        continue;
      }
      lines.push(`${at}${k}:`);
      const inner = mapLines(value, `${indent}  `);
      if (!inner) return undefined;
      lines.push(...inner);
    } else return undefined;
  }
  return lines.length ? lines : undefined;
}

/** The map as YAML if it has only the usual shapes, or undefined. */
export function usualYaml(map: Record<string, unknown>): string | undefined {
  const lines = isMap(map) ? mapLines(map, '') : undefined;
  return lines && `${lines.join('\n')}\n`;
}

/** A map as YAML, ending with a newline, exactly as `stringify(map, yamlOptions)` writes it. */
export function writeYaml(map: Record<string, unknown>): string {
  return usualYaml(map) ?? stringify(map, yamlOptions);
}
