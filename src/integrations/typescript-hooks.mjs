/**
 * Imports this project's TypeScript under src/ with Node itself, for astro.config.mjs (the
 * integrations) and the search-data worker (./search-data-thread.mjs). Plain JavaScript, because it is
 * what makes the TypeScript loadable.
 *
 * src/ imports name modules without their ".ts", which Node does not resolve. Before this, Node's
 * import of the config failed and Astro loaded it a second way, through a Vite dev server of its
 * own that transformed and ran every module of the integrations
 * (astro/dist/core/config/vite-load.js), and the worker loaded its modules through tsx. While the
 * given modules load, a resolve hook adds the ".ts" and a load hook transforms each file with the
 * compiler Vite uses (oxc, from rolldown, Vite's bundler), with a source map for
 * `--enable-source-maps`. The hooks are removed as soon as the modules are in: every module Node
 * loads while any hook is registered pays for it, and a build loads about 4,300.
 */
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const src = new URL('../', import.meta.url);

/** Our own TypeScript: under src/, not a dependency. */
const ours = (url) => url?.startsWith(src.href) && !url.includes('/node_modules/');

/** Imports modules given relative to src/ (e.g. "./integrations/content-gate.ts"), resolving to their namespaces in order. */
export async function importTypeScript(paths) {
  const { transformSync } = createRequire(import.meta.resolve('vite'))('rolldown/utils');
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      if (!ours(context.parentURL) || !/^\.\.?\//.test(specifier) || /\.[a-z]+$/.test(specifier)) return next(specifier, context);
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return next(`${specifier}${suffix}`, context);
        } catch {
          // not this one; the specifier as written gives Node's own error below
        }
      }
      return next(specifier, context);
    },
    load(url, context, next) {
      if (!ours(url) || !url.endsWith('.ts')) return next(url, context);
      const path = fileURLToPath(url);
      const { code, map, errors } = transformSync(path, readFileSync(path, 'utf8'), { sourcemap: true });
      if (errors.length > 0) throw errors[0];
      const inlineMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
      return { format: 'module', source: `${code}\n${inlineMap}\n`, shortCircuit: true };
    },
  });
  try {
    return await Promise.all(paths.map((path) => import(new URL(path, src).href)));
  } finally {
    hooks.deregister();
  }
}
