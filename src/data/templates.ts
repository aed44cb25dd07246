/**
 * The Astro adapter for templates: loads the collection once per build and generates every
 * download once, so each page's "Download as Word (12 KB)" is the size of the very file the
 * endpoint writes (src/pages/templates/[slug].docx.ts and [slug].csv.ts).
 */
import { getCollection } from 'astro:content';
import type { Template } from '../lib/schema';
import { paths } from '../lib/content/urls';
import { downloadFormats, formatsOf, maxDownloadBytes, templateFile, type DownloadFormat } from '../lib/templates/downloads';
import { absoluteUrl } from '../site';

export interface TemplateDownload {
  format: DownloadFormat;
  /** "Word" or "CSV". */
  name: string;
  mediaType: string;
  /** Site path without the base, e.g. "/templates/benefits-register.docx". */
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface TemplateEntry {
  slug: string;
  filePath: string;
  data: Template;
  downloads: TemplateDownload[];
}

let loading: Promise<TemplateEntry[]> | undefined;

/** Every template with its downloads, by title. */
export function getTemplates(): Promise<TemplateEntry[]> {
  loading ??= (async () => {
    const entries = (await getCollection('templates')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'en-GB'));
    return Promise.all(
      entries.map(async (e) => {
        const pageUrl = absoluteUrl(paths.template(e.id));
        const downloads = await Promise.all(
          formatsOf(e.data).map(async (format) => {
            const bytes = await templateFile(e.data, format, { pageUrl });
            if (bytes.byteLength > maxDownloadBytes) {
              throw new Error(`${e.filePath}: its ${downloadFormats[format].name} file is ${bytes.byteLength} bytes, over the ${maxDownloadBytes / 1024 / 1024} MiB limit: shorten the template`);
            }
            return { format, ...downloadFormats[format], path: paths.templateFile(e.id, format), bytes };
          }),
        );
        return { slug: e.id, filePath: e.filePath ?? '', data: e.data, downloads };
      }),
    );
  })();
  return loading;
}

export async function getTemplate(slug: string): Promise<TemplateEntry | undefined> {
  return (await getTemplates()).find((t) => t.slug === slug);
}
