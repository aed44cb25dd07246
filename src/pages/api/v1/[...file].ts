/** Every file of the open-data API (src/lib/open-data/), one static file each. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenDataFiles } from '../../../data/open-data';

export const getStaticPaths = (async () =>
  (await getOpenDataFiles()).map((file) => ({ params: { file: file.name }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: Awaited<ReturnType<typeof getOpenDataFiles>>[number] };
  return new Response(file.body, { headers: { 'Content-Type': `${file.mediaType}; charset=utf-8` } });
};
