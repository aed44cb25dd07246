/**
 * Where the built site is and which base path it was built for. Tests read `dist/` unless
 * DIST_DIR says otherwise (developers build into a private folder while others build too), and
 * honour BASE_PATH exactly as astro.config.mjs does.
 */
import { resolve } from 'node:path';

/** Absolute path of the built site. */
export function distDir(): string {
  return resolve(process.env.DIST_DIR ?? 'dist');
}

/** The base path the site was built with, always with a leading and trailing slash: "/" or "/repo/". */
export function basePath(): string {
  const raw = process.env.BASE_PATH ?? '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A site path ("/blueprints/x/") as served, i.e. with the base path in front. */
export function served(path: string): string {
  return basePath() + path.replace(/^\//, '');
}

/** The site path of a served path, or undefined when it lies outside the base path. */
export function unserved(pathname: string, base = basePath()): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}
