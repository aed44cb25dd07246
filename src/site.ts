/**
 * Site settings read from the environment at build time, and the `url()` helper every page and
 * component uses so the site works under a base path such as /blueprint-commons/ on GitHub Pages.
 */
import { withBase } from './lib/content/urls';

export const site = {
  name: 'Blueprint Commons',
  /** owner/name of the GitHub repository, for edit and feedback links. */
  repository: import.meta.env.PUBLIC_GITHUB_REPOSITORY ?? 'blueprint-commons/blueprint-commons',
  branch: import.meta.env.PUBLIC_GITHUB_BRANCH ?? 'main',
  /**
   * The submission gateway's address (gateway/), e.g. https://submit.example.nhs.uk. When set, the
   * drafting form offers to send a draft without a GitHub account; when not, it is not offered.
   */
  gatewayUrl: import.meta.env.PUBLIC_GATEWAY_URL ? String(import.meta.env.PUBLIC_GATEWAY_URL).replace(/\/+$/, '') : undefined,
  /**
   * The site team's email address, e.g. blueprints@example.nhs.uk: offered on the accessibility
   * statement for reporting a problem or asking for another format without GitHub.
   */
  contactEmail: import.meta.env.PUBLIC_CONTACT_EMAIL ? String(import.meta.env.PUBLIC_CONTACT_EMAIL).trim() : undefined,
  /** The date the build treats as today, so review banners are reproducible in tests. */
  today: import.meta.env.PUBLIC_TODAY ? new Date(`${import.meta.env.PUBLIC_TODAY}T00:00:00Z`) : new Date(),
};

export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** A site path's full address, on the site's own origin (SITE_URL): for feeds, files and other sites. */
export function absoluteUrl(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}
