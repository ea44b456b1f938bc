import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems } from '../lib/content/check.ts';

/**
 * Creates the integration that checks all authored content (lessons, labs,
 * checkpoints and their cross-references) when the site starts building.
 * A build stops with every problem listed; the dev server only logs them,
 * so a half-written lesson does not stop the preview.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'slipway:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = await checkContent(root);
        if (problems.length === 0) return;

        if (command === 'build') {
          throw new AstroError(formatProblems(problems), 'Fix each file and field listed above, then build again. docs/authoring.md explains every field.');
        }
        logger.warn(formatProblems(problems));
      },
    },
  };
}
