/**
 * robots.txt: every page may be crawled, and crawlers are told where the sitemap is, so search
 * engines find blueprints by their titles. Crawlers read robots.txt only at a host's root: a site
 * deployed under a base path (GitHub Pages' /<repo>/) still builds this file, and the sitemap it
 * names, but a crawler will not look there.
 */
import { paths } from '../lib/content/urls';
import { absoluteUrl } from '../site';

export function GET() {
  const sitemap = absoluteUrl(paths.sitemap());
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
