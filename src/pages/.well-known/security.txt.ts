/**
 * security.txt (RFC 9116, https://www.rfc-editor.org/rfc/rfc9116): where to report a vulnerability
 * in the site, as SECURITY.md says, through GitHub's private vulnerability reporting on the
 * repository. The file must say when it stops being true: 364 days after the build's today
 * (`site.today`), so a site not rebuilt for a year stops pointing people at a route that may have
 * moved. Like robots.txt, it is read only at a host's root.
 */
import { githubFile, githubSecurityReport } from '../../lib/content/github';
import { paths } from '../../lib/content/urls';
import { absoluteUrl, site } from '../../site';

const dayMs = 24 * 60 * 60 * 1000;

export function GET() {
  const expires = new Date(Math.floor(site.today.getTime() / dayMs) * dayMs + 364 * dayMs);
  const fields = [
    `Contact: ${githubSecurityReport(site.repository)}`,
    `Expires: ${expires.toISOString()}`,
    `Policy: ${githubFile(site.repository, site.branch, 'SECURITY.md')}`,
    'Preferred-Languages: en',
    `Canonical: ${absoluteUrl(paths.securityTxt())}`,
  ];
  return new Response(`${fields.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
