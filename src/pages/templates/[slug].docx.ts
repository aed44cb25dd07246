/** Each template as a Word file, generated from its validated source (src/data/templates.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTemplates, type TemplateEntry } from '../../data/templates';

export const getStaticPaths = (async () =>
  (await getTemplates()).map((template) => ({ params: { slug: template.slug }, props: { template } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const download = (props as { template: TemplateEntry }).template.downloads.find((d) => d.format === 'docx')!;
  return new Response(download.bytes, { headers: { 'Content-Type': download.mediaType } });
};
