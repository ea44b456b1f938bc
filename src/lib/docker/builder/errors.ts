import type { Range } from '../ast.ts';

/**
 * A build failure with BuildKit's texts: `vertexMessage` goes on the
 * `#N ERROR:` line, `summary` after `ERROR: failed to build: failed to solve:`,
 * and `range` selects the Dockerfile lines shown in between.
 */
export class BuildFailure extends Error {
  readonly summary: string;
  readonly vertexMessage: string;
  readonly range: Range | null;
  /** Step title for the ` > [3/5] RUN ...:` block, with the log lines to repeat under it. */
  readonly step: { title: string; logs: string[] } | null;

  constructor(summary: string, options: { vertexMessage?: string; range?: Range | null; step?: { title: string; logs: string[] } | null } = {}) {
    super(summary);
    this.summary = summary;
    this.vertexMessage = options.vertexMessage ?? summary;
    this.range = options.range ?? null;
    this.step = options.step ?? null;
  }
}
