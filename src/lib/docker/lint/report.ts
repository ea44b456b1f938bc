import { formatSourceSnippet } from '../parser/snippet.ts';
import { buildkitRuleUrl } from './docs.ts';
import { RULES_BY_ID } from './rules/index.ts';
import type { Finding } from './types.ts';

/** Options of `formatCheckReport`. */
export interface CheckReportOptions {
  /** Also print Slipway's own rules (with their lesson links); `docker build --check` shows BuildKit checks only. */
  includeSlipwayRules?: boolean;
}

/** Returns true for findings of checks BuildKit itself runs. */
function isBuildkitFinding(finding: Finding): boolean {
  return RULES_BY_ID.get(finding.rule)?.buildkit === true;
}

/**
 * Formats findings as `docker build --check` prints them: a count line, then
 * per warning `WARNING: <Rule> - <url>`, the message, and the source lines
 * around it with `>>>` on the offending lines.
 */
export function formatCheckReport(
  findings: readonly Finding[],
  dockerfileText: string,
  dockerfileName = 'Dockerfile',
  options: CheckReportOptions = {},
): string {
  const printed = findings.filter((finding) => options.includeSlipwayRules || isBuildkitFinding(finding));
  if (printed.length === 0) return 'Check complete, no warnings found.\n';

  const count = printed.length === 1 ? '1 warning has been found!' : `${printed.length} warnings have been found!`;
  let out = `Check complete, ${count}\n`;

  // BuildKit orders warnings by line; the sort is stable, so rule order stays within a line.
  const ordered = [...printed].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const finding of ordered) {
    const url = isBuildkitFinding(finding) ? buildkitRuleUrl(finding.rule) : finding.docs;
    out += `\nWARNING: ${finding.rule} - ${url}\n${finding.message}\n`;
    out += formatSourceSnippet(dockerfileText, dockerfileName, [finding.range]);
  }
  return out;
}

/**
 * Returns BuildKit's error for `# check=error=true` when BuildKit checks
 * found something, such as `lint violation found for rules: FromAsCasing`,
 * or undefined when the check passes.
 */
export function lintViolationMessage(findings: readonly Finding[]): string | undefined {
  const rules: string[] = [];
  for (const finding of findings) {
    if (isBuildkitFinding(finding) && !rules.includes(finding.rule)) rules.push(finding.rule);
  }
  return rules.length === 0 ? undefined : `lint violation found for rules: ${rules.join(', ')}`;
}
