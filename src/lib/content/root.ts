/**
 * Return the folder holding lessons, labs, quizzes and src/data. The server and
 * the CLI read authored content from here; SLIPWAY_ROOT overrides the default,
 * the working directory, which is the repository root under npm scripts.
 */
export function contentRoot(): string {
  return process.env.SLIPWAY_ROOT ?? process.cwd();
}
