import type { Range } from '../ast.ts';
import type { LintModel } from './model.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One problem the linter found. */
export interface Finding {
  /** BuildKit check name (such as `JSONArgsRecommended`) or Slipway rule id (such as `CopyBeforeInstall`). */
  rule: string;
  /** hadolint ids that describe the same problem, such as `DL3007`. */
  aliases: string[];
  severity: Severity;
  message: string;
  range: Range;
  /** How to fix it, in one or two sentences. */
  fix: string;
  /** Lesson section that explains the problem. */
  docs: string;
}

/** Facts about the build beyond the Dockerfile, all optional. */
export interface LintContext {
  /** Paths of the build context, relative to its root, to spot a missing or incomplete `.dockerignore`. */
  files?: readonly string[];
  /** Contents of `.dockerignore`; read from `readFile` when omitted. */
  dockerignore?: string;
  /** Reads a build-context file as text, to check scripts for CR LF endings. */
  readFile?: (path: string) => string | undefined;
  /** True when the base image already sets a non-default SHELL, which turns JSONArgsRecommended off. */
  shellSet?: boolean;
  /** Environment variables the base images define (such as PATH), so UndefinedVar does not flag them. */
  baseImageEnv?: readonly string[];
}

/** Extra fields a rule may set on one finding. */
export interface ReportOptions {
  aliases?: string[];
  severity?: Severity;
  fix?: string;
}

/** Records a finding of the rule being run. */
export type Report = (range: Range, message: string, options?: ReportOptions) => void;

/** A lint rule: what it reports, with which defaults, and the check itself. */
export interface Rule {
  id: string;
  aliases: string[];
  severity: Severity;
  /** True for checks that BuildKit's `docker build --check` runs. */
  buildkit: boolean;
  fix: string;
  docs: string;
  check: (model: LintModel, report: Report) => void;
}

/** Settings read from a `# check=` directive. */
export interface CheckSettings {
  skipAll: boolean;
  skip: Set<string>;
  /** True for `error=true`: any warning fails the check. */
  errorOnWarning: boolean;
}
