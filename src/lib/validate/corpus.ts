/**
 * Reads a set of content files (already loaded by the caller) into a corpus that every rule
 * can check: which kind each file is, its parsed front-matter and body, and where each field sits.
 */
import type { z } from 'astro/zod';
import { parseSource, parseYaml, slugOf, type ParsedSource } from '../content/front-matter';
import { adoptionSchema, blueprintSchema, glossarySchema, organisationSchema, playbookSchema, templateSchema } from '../schema';
import { synonymsSchema } from '../schema/synonyms';
import { whereToStartSchema } from '../schema/where-to-start';
import { structureProblem } from './limits';
import { parseWithinLimits, type MdxParser, type ParsedBody } from './mdx-body';
import type { Problem } from './problem';
import { maxFileBytes } from './rules/file-size';

export interface ContentFile {
  /** Path relative to the repository root, with forward slashes, as problems print it. */
  path: string;
  source: string;
  /** What the file is; worked out from `path` when not given. */
  kind?: Kind;
}

export type Kind = 'blueprint' | 'playbook' | 'organisation' | 'adoption' | 'template' | 'glossary' | 'synonyms' | 'where-to-start';

export interface CorpusEntry {
  file: ContentFile;
  kind: Kind;
  slug: string;
  parsed: ParsedSource;
  /** Validated data, or undefined when the front-matter failed the schema. */
  data: unknown;
}

export interface Corpus {
  entries: CorpusEntry[];
  /** Problems found while reading: unknown file kinds, structural limits, YAML errors, schema errors. */
  problems: Problem[];
  /**
   * An MDX entry's body, parsed once per corpus with the parser the corpus was read with;
   * undefined for a file that broke a structural limit (already reported, never parsed).
   */
  bodyOf(entry: CorpusEntry): ParsedBody | undefined;
}

/**
 * What a file is, from its path inside the content folder (e.g. "blueprints/x.mdx").
 * A draft outside the content folder is a playbook if it sits in a folder named playbooks,
 * an organisation if it is YAML in a folder named organisations, an adoption record if it is YAML
 * in a folder named adoptions, a template if it is YAML in a folder named templates, and otherwise
 * a blueprint.
 */
export function kindOf(pathInContent: string): Kind | undefined {
  const p = pathInContent.replace(/\\/g, '/');
  if (/(^|\/)playbooks\/[^/]+\.mdx$/.test(p)) return 'playbook';
  if (/(^|\/)organisations\/[^/]+\.ya?ml$/.test(p)) return 'organisation';
  if (/(^|\/)adoptions\/[^/]+\.ya?ml$/.test(p)) return 'adoption';
  if (/(^|\/)templates\/[^/]+\.ya?ml$/.test(p)) return 'template';
  if (/(^|\/)glossary\.ya?ml$/.test(p)) return 'glossary';
  if (/(^|\/)synonyms\.ya?ml$/.test(p)) return 'synonyms';
  if (/(^|\/)where-to-start\.ya?ml$/.test(p)) return 'where-to-start';
  if (/\.mdx$/.test(p)) return 'blueprint';
  return undefined;
}

const schemas: Partial<Record<Kind, z.ZodType>> = {
  blueprint: blueprintSchema,
  playbook: playbookSchema,
  organisation: organisationSchema,
  adoption: adoptionSchema,
  template: templateSchema,
  glossary: glossarySchema,
  synonyms: synonymsSchema,
  'where-to-start': whereToStartSchema,
};

/** Every string in parsed front-matter or YAML, with the path to its field. */
export function stringsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, [...path, k]));
  }
  return [];
}

function isYaml(path: string) {
  return /\.ya?ml$/i.test(path);
}

/** Turns zod's issues into problems that point at the field in the file. */
export function issuesToProblems(file: string, parsed: ParsedSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          file,
          ...parsed.positionOf(path),
          field: path.join('.'),
          message: `is not a field we know: check its spelling, or remove it`,
        };
      });
    }
    const path = issue.path;
    return [{ file, ...parsed.positionOf(path), field: path.length ? path.map(String).join('.') : '(front-matter)', message: issue.message }];
  });
}

/**
 * `context`, when given, is a corpus read already with the same parser (e.g. the site's
 * organisations, which the gateway checks every draft against): its entries and problems are
 * taken as they are, ahead of `files`, instead of being read and checked against the schema
 * again for every draft. Its entries are shared, never changed.
 */
export function readCorpus(files: ContentFile[], parseMdx: MdxParser, context?: Corpus): Corpus {
  const problems: Problem[] = [...(context?.problems ?? [])];
  const entries: CorpusEntry[] = [...(context?.entries ?? [])];
  const known = new Set(context?.entries);
  const unread = new Set<CorpusEntry>();
  for (const file of files) {
    const kind = file.kind ?? kindOf(file.path);
    if (!kind) {
      problems.push({ file: file.path, line: 1, column: 1, field: 'location', message: 'is not a kind of content we know: blueprints and playbooks are .mdx files, organisations are .yaml files in src/content/organisations/, adoption records .yaml files in src/content/adoptions/, templates .yaml files in src/content/templates/' });
      continue;
    }
    // Limits first: no parser, of YAML or of MDX, sees a file that breaks one.
    const tooDeep = file.source.length > maxFileBytes * 4 ? tooLarge(file.source) : structureProblem(file.source);
    if (tooDeep) {
      problems.push({ file: file.path, line: tooDeep.line, column: tooDeep.column, field: 'structure', message: tooDeep.message });
      const parsed: ParsedSource = { data: undefined, body: '', bodyLine: 1, positionOf: () => ({ line: 1, column: 1 }), error: { ...tooDeep } };
      const entry: CorpusEntry = { file, kind, slug: slugOf(file.path), parsed, data: undefined };
      unread.add(entry);
      entries.push(entry);
      continue;
    }
    const parsed = isYaml(file.path) ? parseYamlFile(file.source) : parseSource(file.source);
    if (parsed.error) {
      problems.push({ file: file.path, line: parsed.error.line, column: parsed.error.column, field: 'front-matter', message: parsed.error.message });
      entries.push({ file, kind, slug: slugOf(file.path), parsed, data: undefined });
      continue;
    }
    const schema = schemas[kind];
    let data: unknown = parsed.data;
    if (schema) {
      const result = schema.safeParse(parsed.data);
      if (result.success) data = result.data;
      else {
        problems.push(...issuesToProblems(file.path, parsed, result.error.issues));
        data = undefined;
      }
    }
    entries.push({ file, kind, slug: slugOf(file.path), parsed, data });
  }
  const bodies = new Map<CorpusEntry, ParsedBody>();
  const bodyOf = (entry: CorpusEntry): ParsedBody | undefined => {
    if (known.has(entry)) return context!.bodyOf(entry);
    if (unread.has(entry)) return undefined;
    let body = bodies.get(entry);
    if (!body) bodies.set(entry, (body = parseWithinLimits(entry.file.source, parseMdx)));
    return body;
  };
  return { entries, problems, bodyOf };
}

/** Far over the size limit: reported by the file-size rule, and not even scanned. */
function tooLarge(source: string) {
  return { line: 1, column: 1, message: `is ${Math.ceil(source.length / 1024)} KiB or more, far over the ${maxFileBytes / 1024} KiB limit, so it was not read: link to long documents instead of pasting them in` };
}

/** A YAML data file is all data and no body. */
function parseYamlFile(source: string): ParsedSource {
  return { ...parseYaml(source), body: '', bodyLine: 1 };
}
