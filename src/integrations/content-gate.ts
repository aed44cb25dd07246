/**
 * Runs the content validator before Astro reads any content, so a bad or unsafe file stops the
 * build with the same messages `npm run validate` prints, and never reaches the built site.
 * It must run before the content layer syncs: MDX import/export and expressions execute when
 * the content is compiled.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../../scripts/lib/content-files';
import { formatProblem, validateContent } from '../lib/validate';
import './native-mdx';

export function contentGate(): AstroIntegration {
  return {
    name: 'blueprint-commons:content-gate',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { problems } = validateContent(readContentFiles(root));
        if (problems.length === 0) {
          logger.info('content checked: no problems');
          return;
        }
        const list = problems.map(formatProblem).join('\n');
        throw new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'} stop the build:\n${list}\nFix each one, then build again. \`npm run validate\` shows the same list.`);
      },
    },
  };
}
