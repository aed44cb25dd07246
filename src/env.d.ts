/**
 * For `npm run typecheck` (plain `tsc`), which cannot read .astro files: a TypeScript module that
 * imports a component sees it as an Astro component. Astro's own editor tooling resolves the
 * file itself and gives each component its real props, so this only fills the gap for `tsc`.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
