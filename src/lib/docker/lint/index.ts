import type { Dockerfile } from '../ast.ts';
import { buildLintModel } from './model.ts';
import { RULES } from './rules/index.ts';
import { readCheckSettings, readIgnoreComments } from './settings.ts';
import type { Finding, LintContext, Rule } from './types.ts';

export type { Finding, LintContext, Rule, Severity, CheckSettings } from './types.ts';
export { RULES, RULES_BY_ID } from './rules/index.ts';
export { LESSON_LINKS, buildkitRuleUrl } from './docs.ts';
export { readCheckSettings } from './settings.ts';
export { createIgnoreMatcher } from './dockerignore.ts';
export { formatCheckReport, lintViolationMessage } from './report.ts';

/** Returns true when a `# check=skip=` list or a `# hadolint ignore=` list names the rule or one of its aliases. */
function isListed(list: ReadonlySet<string> | undefined, finding: Pick<Finding, 'rule' | 'aliases'>): boolean {
  if (!list || list.size === 0) return false;
  return list.has(finding.rule) || finding.aliases.some((alias) => list.has(alias));
}

/**
 * Runs every lint rule on a parsed Dockerfile and returns the findings in
 * source order. Honours `# check=skip=...`, `# check=error=true` (warnings of
 * BuildKit checks become errors) and `# hadolint ignore=...` on the line
 * above an instruction.
 */
export function lintDockerfile(dockerfile: Dockerfile, context: LintContext = {}): Finding[] {
  const settings = readCheckSettings(dockerfile);
  const ignores = readIgnoreComments(dockerfile);
  const model = buildLintModel(dockerfile, context);
  const findings: Finding[] = [];

  for (const rule of RULES) {
    if (rule.buildkit && settings.skipAll) continue;
    runRule(rule, model, findings);
  }

  const remaining = findings.filter((finding) => {
    if (isListed(settings.skip, finding) || isListed(ignores.global, finding)) return false;
    return !isListed(ignores.byLine.get(finding.range.start.line), finding);
  });

  if (settings.errorOnWarning) {
    for (const finding of remaining) {
      if (finding.severity === 'warning' && RULES.find((rule) => rule.id === finding.rule)?.buildkit) finding.severity = 'error';
    }
  }

  // Stable sort keeps rule order for findings on the same line.
  return remaining.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

/** Runs one rule, adding its findings with the rule's defaults. */
function runRule(rule: Rule, model: ReturnType<typeof buildLintModel>, findings: Finding[]): void {
  rule.check(model, (range, message, options = {}) => {
    findings.push({
      rule: rule.id,
      aliases: options.aliases ?? rule.aliases,
      severity: options.severity ?? rule.severity,
      message,
      range,
      fix: options.fix ?? rule.fix,
      docs: rule.docs,
    });
  });
}
