import { ParseError } from '../ast.ts';
import { formatCheckReport, lintDockerfile, lintViolationMessage, RULES_BY_ID } from '../lint/index.ts';
import { parseDockerfile } from '../parser/index.ts';
import type { Dockerfile } from '../ast.ts';
import type { CliContext } from './types.ts';

/** Return the BuildKit-check warnings of a Dockerfile, for the summary after a build. */
export function buildWarnings(dockerfile: Dockerfile, baseEnv: string[] = []): Array<{ rule: string; message: string; line: number }> {
  return lintDockerfile(dockerfile, { baseImageEnv: baseEnv })
    .filter((finding) => RULES_BY_ID.get(finding.rule)?.buildkit === true)
    .map((finding) => ({ rule: finding.rule, message: finding.message, line: finding.range.start.line }));
}

/** Run `docker build --check`: lint the Dockerfile without building. */
export async function runCheck(dockerfilePath: string, dockerfileName: string, context: CliContext): Promise<number> {
  const stat = await context.fs.stat(dockerfilePath);
  if (stat === null) {
    context.io.stderr(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${dockerfileName}: no such file or directory\n`);
    return 1;
  }
  const text = new TextDecoder().decode(await context.fs.readFile(dockerfilePath));
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    context.io.stderr(`ERROR: failed to build: failed to solve: ${error.describe()}\n`);
    return 1;
  }
  const findings = lintDockerfile(dockerfile);
  context.io.stdout(formatCheckReport(findings, text, dockerfileName.split('/').pop() ?? 'Dockerfile'));
  const violation = lintViolationMessage(findings);
  const errorOnWarning = dockerfile.directives.some((directive) => directive.name === 'check' && /error=true/.test(directive.value));
  if (violation !== undefined && errorOnWarning) {
    context.io.stderr(`ERROR: failed to build: failed to solve: ${violation}\n`);
    return 1;
  }

  // BuildKit's lint result carries status 1 whenever a check warned, and buildx exits with it.
  return violation === undefined ? 0 : 1;
}
