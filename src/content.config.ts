/**
 * Content collections. Schemas live in src/lib/schema so scripts and tests use the same ones.
 * The content gate (src/integrations/content-gate.ts) has already checked every file with those
 * schemas, the references and the MDX safety rules before Astro loads anything here.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { adoptionSchema, blueprintSchema, glossaryId, glossaryTermSchema, organisationSchema, playbookSchema, templateSchema, whereToStartSchema } from './lib/schema';
import { parseYaml, slugOf } from './lib/content/front-matter';
import { judgedOr } from './integrations/judged-content';

/**
 * Where content lives. CONTENT_DIR lets the benchmark and tests build from a temporary folder;
 * read here, and in src/node/content-files.ts for the content gate and the command line.
 */
const contentDir = process.env.CONTENT_DIR ?? './src/content';

/**
 * A whole-file YAML collection's data, read by the reader the content gate judged it with
 * (src/lib/content/front-matter.ts: js-yaml, and the `yaml` package only for errors), so the
 * site is built from the data the gate passed. The `yaml` package's own parse took about 30
 * times as long on the bundled glossary (80 KB, mean of 20 parses on a busy machine: 286 against 9 ms).
 */
function yamlData(file: string, text: string): unknown {
  const { data, error } = parseYaml(text);
  if (error) throw new Error(`${contentDir}/${file} line ${error.line}, column ${error.column}: ${error.message}. Fix it, then run \`npm run validate\`.`);
  return data;
}

/** Web addresses use the file name alone, so blueprints can sit in sub-folders per organisation. */
const byFileName = ({ entry }: { entry: string }) => slugOf(entry);

/**
 * Every glob collection: files named by their slug, and no copy of each MDX body in Astro's data
 * store unless `retainBody` (playbooks: a few dozen, whose page finds its "also known as" terms in
 * the text). Blueprint pages render the compiled MDX, never the text, and the store is bundled
 * into the build as one JavaScript string: at 10,000 blueprints 76 MB with the bodies, 18 MB
 * without. Leaving them out cut the peak memory from 5.8 to 5.2 GiB and the CPU time from 203 to
 * 186 s (one build of each, scripts/bench/README.md "What changed the figures"). In `astro build`
 * the entries are the files the content gate read and passed, not read again
 * (src/integrations/judged-content.ts).
 */
const files = (kind: string, pattern: string, folder: string, retainBody = false) =>
  judgedOr(kind, glob({ pattern, base: `${contentDir}/${folder}`, generateId: byFileName, retainBody }), { retainBody });

const blueprints = defineCollection({
  loader: files('blueprint', '**/*.mdx', 'blueprints'),
  schema: blueprintSchema,
});

const playbooks = defineCollection({
  loader: files('playbook', '*.mdx', 'playbooks', true),
  schema: playbookSchema,
});

const organisations = defineCollection({
  loader: files('organisation', '*.{yaml,yml}', 'organisations'),
  schema: organisationSchema,
});

/** Adoption records, named <organisation>--<blueprint>.yaml. */
const adoptions = defineCollection({
  loader: files('adoption', '*.{yaml,yml}', 'adoptions'),
  schema: adoptionSchema,
});

/** Downloadable templates; their Word and CSV files are generated from these (src/lib/templates/). */
const templates = defineCollection({
  loader: files('template', '*.{yaml,yml}', 'templates'),
  schema: templateSchema,
});

/** Glossary entries, one per term, named by the term. */
const glossaryEntries = (terms: { term: string }[]) => terms.map((item) => ({ id: glossaryId(item.term), ...item }));

const glossary = defineCollection({
  loader: judgedOr(
    'glossary',
    file(`${contentDir}/glossary.yaml`, { parser: (text) => glossaryEntries(yamlData('glossary.yaml', text) as { term: string }[]) }),
    { entriesOf: (judged) => glossaryEntries(judged.data as { term: string }[]).map((entry) => ({ id: entry.id, data: entry })) },
  ),
  schema: glossaryTermSchema.extend({ id: glossaryTermSchema.shape.term }),
});

/** The where-to-start guide: one entry, the whole file, checked by the content gate before this. */
const guide = defineCollection({
  loader: judgedOr(
    'where-to-start',
    file(`${contentDir}/where-to-start.yaml`, { parser: (text) => [{ id: 'where-to-start', guide: yamlData('where-to-start.yaml', text) }] }),
    { entriesOf: (judged) => [{ id: 'where-to-start', data: { guide: judged.data } }] },
  ),
  schema: z.object({ guide: whereToStartSchema }),
});

export const collections = { blueprints, playbooks, organisations, adoptions, templates, glossary, guide };
