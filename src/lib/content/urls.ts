/** Web addresses for every kind of page, in one place so links and routes never drift apart. */
import { facets, type FacetName } from '../schema/taxonomy';
import { apiVersion } from '../open-data/version';
import { feedbackFormFile } from '../contribute/issue-form-files';
import { githubEdit, githubIssueForm } from './github';

/** Joins the site's base path (e.g. "/blueprint-commons/") and a site path (e.g. "/blueprints/x/"). */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A page with a form, its answers named in the query (those given only), e.g. "/review/?blueprint=x". */
function withAnswers(path: string, answers: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(answers).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return `${path}${query ? `?${query}` : ''}`;
}

export const paths = {
  home: () => '/',
  blueprints: () => '/blueprints/',
  blueprint: (slug: string) => `/blueprints/${slug}/`,
  playbooks: () => '/playbooks/',
  playbook: (slug: string) => `/playbooks/${slug}/`,
  organisations: () => '/organisations/',
  templates: () => '/templates/',
  template: (slug: string) => `/templates/${slug}/`,
  /** A template's download, e.g. "/templates/benefits-register.docx". */
  templateFile: (slug: string, extension: string) => `/templates/${slug}.${extension}`,
  organisation: (slug: string) => `/organisations/${slug}/`,
  facet: (facet: FacetName) => `/${facets[facet].path}/`,
  facetValue: (facet: FacetName, value: string) => `/${facets[facet].path}/${value}/`,
  programmes: () => '/programmes/',
  programme: (status: string) => `/programmes/${status}/`,
  glossary: () => '/glossary/',
  search: () => '/search/',
  contribute: () => '/contribute/',
  /** The site's feedback page, for sending feedback without a GitHub account; given a page's file and title, the form starts with them. */
  feedback: (page?: string, title?: string) => withAnswers('/feedback/', { page, title }),
  /** The page where a blueprint's owner reviews it without a GitHub account; given its slug and title, the form starts with them. */
  review: (blueprint?: string, title?: string) => withAnswers('/review/', { blueprint, title }),
  /** The page for suggesting a change to a blueprint, playbook or template without a GitHub account; given its address and title, the form starts with them. */
  suggestChange: (page?: string, title?: string) => withAnswers('/suggest-a-change/', { page, title }),
  /** The "We are using this" page; given a blueprint (and an organisation), the form starts with them filled in. */
  weAreUsingThis: (blueprint?: string, organisation?: string) => withAnswers('/we-are-using-this/', { blueprint, organisation }),
  myTrust: () => '/my-trust/',
  whereToStart: () => '/where-to-start/',
  matchData: () => '/match-data.json',
  blueprintTitles: () => '/blueprint-titles.json',
  about: () => '/about/',
  accessibility: () => '/accessibility/',
  privacy: () => '/privacy/',
  rss: () => '/rss.xml',
  /** The feed of one taxonomy value's blueprints, beside its list page: /care-settings/acute/rss.xml. */
  termFeed: (termPath: string) => `${termPath}rss.xml`,
  /** The sitemap's index, named by @astrojs/sitemap. */
  sitemap: () => '/sitemap-index.xml',
  robots: () => '/robots.txt',
  /** Where to report a vulnerability (RFC 9116). */
  securityTxt: () => '/.well-known/security.txt',
  /** The page documenting the open-data API. */
  openData: () => '/api/',
  /** A file of the open-data API, e.g. "blueprints.json". */
  openDataFile: (name: string) => `/api/${apiVersion}/${name}`,
};

/**
 * GitHub links for a content file: edit it, or give feedback on it. Issue forms ignore `body`;
 * they prefill a field from a query parameter named after its id (`page` in feedback.yml).
 */
export function githubLinks(repository: string, branch: string, filePath: string, title: string) {
  return {
    edit: githubEdit(repository, branch, filePath),
    feedback: githubIssueForm(repository, feedbackFormFile, { title: `Feedback: ${title}`, page: filePath }),
  };
}
