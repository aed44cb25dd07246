/**
 * Reads the content folder from disk for the build's content gate, `npm run validate` and the other
 * scripts. Paths come back relative to the project root, with forward slashes, as problems print them.
 *
 * The gate must judge exactly the files the build loads. Astro's loaders (src/content.config.ts)
 * follow symbolic links and read names by glob pattern, so this walk refuses anything a loader
 * could read differently from it: a symbolic link (its target may lie outside the folder and hold
 * code), anything that is not an ordinary file, a name that is not a slug, and a file in a place
 * no loader reads (it would silently never be published). What is left is exactly the list both see.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Synonyms } from '../lib/search/synonyms';
import { vocabularyFromSources } from '../lib/search/vocabulary';
import { kindOf, sortProblems, validateContent, type ContentFile, type Corpus, type Problem, type ValidateOptions } from '../lib/validate';

/** The content folder: src/content, or CONTENT_DIR (used by the benchmark and build tests). */
export function contentDir(root: string): string {
  return resolve(root, process.env.CONTENT_DIR ?? 'src/content');
}

/**
 * The search vocabulary from the content folder's glossary and synonyms files (either may be
 * missing), with the acronym groups the content defines (found by the caller from checked entries).
 */
export function readVocabulary(root: string, defined: readonly (readonly string[])[] = []): Synonyms {
  const read = (name: string) => {
    const file = join(contentDir(root), name);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return vocabularyFromSources({ glossary: read('glossary.yaml'), synonyms: read('synonyms.yaml') }, defined);
}

export function toProjectPath(root: string, path: string): string {
  return relative(root, resolve(root, path)).split(sep).join('/');
}

export interface ContentListing {
  /** Every content file, sorted by path. */
  files: ContentFile[];
  /** Files and folders the build must not load: links, odd files, bad names, wrong places. */
  problems: Problem[];
}

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const whereContentGoes =
  'blueprints are .mdx files in src/content/blueprints/ (or a folder inside it), playbooks are .mdx files in src/content/playbooks/, organisations are .yaml files in src/content/organisations/, adoption records are .yaml files named <organisation>--<blueprint>.yaml in src/content/adoptions/, templates are .yaml files in src/content/templates/';

/**
 * Said of any other file in src/content/templates/. Downloads are generated from the YAML when the
 * site is built, so no office file, web page or script is ever committed for readers to open.
 */
const templatesAreYaml =
  'is not a template source: a template is one .yaml file in src/content/templates/, and its Word and CSV downloads are generated from it when the site is built. Files are never uploaded as they are, because some (.docm, .xlsm, .html, .svg, .js) can carry macros or scripts: write the template as YAML instead';

/** What may sit where in the content folder; a folder's rule applies to what is inside it. */
type Place = 'top' | 'blueprints' | 'playbooks' | 'organisations' | 'adoptions' | 'templates';

const topFolders: readonly Place[] = ['blueprints', 'playbooks', 'organisations', 'adoptions', 'templates'];

/** An adoption record's name: the organisation's slug and the blueprint's, joined by two hyphens. */
const adoptionName = /^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/;

function allowedFile(place: Place, name: string): boolean {
  const [stem, ext] = [name.replace(/\.[^.]*$/, ''), name.slice(name.lastIndexOf('.') + 1)];
  if (place === 'top') return name === 'glossary.yaml' || name === 'synonyms.yaml' || name === 'where-to-start.yaml';
  if (place === 'adoptions') return adoptionName.test(stem) && (ext === 'yaml' || ext === 'yml');
  if (!slug.test(stem)) return false;
  return place === 'organisations' || place === 'templates' ? ext === 'yaml' || ext === 'yml' : ext === 'mdx';
}

function allowedFolder(place: Place, name: string): Place | undefined {
  if (place === 'top') return topFolders.find((folder) => folder === name);
  return place === 'blueprints' && slug.test(name) ? 'blueprints' : undefined;
}

function oddEntry(entry: Dirent | undefined, isLink: boolean, place: Place, name: string): string | undefined {
  if (isLink) {
    return 'is a symbolic link: content must be ordinary files, because the build would read whatever the link points to, which may lie outside the content folder and is not checked. Replace the link with the file itself';
  }
  if (entry?.isDirectory()) {
    return allowedFolder(place, name) ? undefined : `is a folder the site does not read: ${whereContentGoes}`;
  }
  if (!entry?.isFile()) return 'is not an ordinary file (a device, pipe or socket): remove it';
  if (allowedFile(place, name)) return undefined;
  if (place === 'adoptions' && /\.ya?ml$/.test(name)) {
    return `"${name}" is not a name an adoption record can have: name it <organisation>--<blueprint>.yaml, the two slugs joined by two hyphens, e.g. northmoor-teaching-hospitals--electronic-observations-in-nine-months.yaml`;
  }
  if (place !== 'top' && /\.(mdx|ya?ml)$/.test(name)) {
    return `"${name}" is not a file name the site can use: use lower-case letters, digits and single hyphens, e.g. ${name.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+(?=\.)/g, '')}`;
  }
  if (place === 'templates') return templatesAreYaml;
  return `is not where the site reads content: ${whereContentGoes}`;
}

const placeOfKind: Partial<Record<string, Place>> = { blueprint: 'blueprints', playbook: 'playbooks', organisation: 'organisations', adoption: 'adoptions', template: 'templates' };

/**
 * Why a file given from anywhere (a draft to contribute) could not sit in the content folder under
 * its own name, which becomes its web address: undefined when it could.
 */
export function contentNameProblem(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  const kind = kindOf(path);
  const place = kind ? placeOfKind[kind] : undefined;
  if (!place) return kind ? undefined : `is not where the site reads content: ${whereContentGoes}`;
  const asFile = { isDirectory: () => false, isFile: () => true } as Dirent;
  return oddEntry(asFile, false, place, name);
}

/**
 * A file's text, read only if what is opened is an ordinary file: opened without following a link
 * and without waiting, then checked, so a file swapped for a link or a pipe after the folder was
 * listed is refused (undefined) instead of read through, or waited on for ever.
 */
export function readOrdinaryFile(abs: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return undefined; // a link, which O_NOFOLLOW will not open
    throw error;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Every content file in the content folder, plus any extra files given (e.g. a draft
 * elsewhere, which is read as a blueprint unless its path says otherwise).
 */
export function readContentFiles(root: string, extra: string[] = []): ContentListing {
  const base = contentDir(root);
  const files = new Map<string, ContentFile>();
  const problems: Problem[] = [];
  const refuse = (abs: string, message: string) => problems.push({ file: toProjectPath(root, abs), line: 1, column: 1, field: 'location', message });

  const walk = (dir: string, place: Place) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(dir, entry.name);
      const odd = oddEntry(entry, entry.isSymbolicLink(), place, entry.name);
      if (odd) refuse(abs, odd);
      else if (entry.isDirectory()) walk(abs, allowedFolder(place, entry.name)!);
      else {
        const path = toProjectPath(root, abs);
        const source = readOrdinaryFile(abs);
        if (source === undefined) refuse(abs, 'changed into something other than an ordinary file while it was being read: remove it');
        else files.set(path, { path, source, kind: kindOf(relative(base, abs)) });
      }
    }
  };
  if (lstatSync(base).isSymbolicLink()) refuse(base, oddEntry(undefined, true, 'top', '')!);
  else walk(base, 'top');

  for (const p of extra) {
    const abs = resolve(root, p);
    const path = toProjectPath(root, abs);
    if (files.has(path) || problems.some((q) => q.file === path)) continue;
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) refuse(abs, oddEntry(undefined, true, 'top', '')!);
    else if (!stat.isFile()) refuse(abs, 'is not an ordinary file: name a content file');
    else {
      const source = readOrdinaryFile(abs);
      if (source === undefined) refuse(abs, 'is not an ordinary file: name a content file');
      else files.set(path, { path, source, kind: kindOf(abs) });
    }
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), problems };
}

/**
 * The content gate and `npm run validate`: the folder's listing problems and every validation
 * problem, sorted, in one list.
 */
export function checkContentFolder(root: string, extra: string[], options: ValidateOptions): { corpus: Corpus; problems: Problem[]; warnings: Problem[]; checked: number } {
  const listing = readContentFiles(root, extra);
  const { corpus, problems, warnings } = validateContent(listing.files, options);
  const listed = options.only ? listing.problems.filter((p) => options.only!.has(p.file)) : listing.problems;
  return { corpus, problems: sortProblems([...listed, ...problems]), warnings, checked: options.only ? options.only.size : listing.files.length };
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
