/** A linter finding as `lintDockerfile` reports it. */
export type LintFinding = {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  fix?: string | null;
  docs?: string | null;
};

/** Monaco's marker shape, restated so this module stays free of the editor bundle. */
export type LintMarker = {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
  code?: string;
};

// Values of monaco.MarkerSeverity.
const SEVERITY: Readonly<Record<string, number>> = { error: 8, warning: 4, info: 2, hint: 1 };

/**
 * Convert linter findings to editor markers. The hover shows the message and,
 * on a second line, the fix. The linter and Monaco both use 1-based lines and
 * columns with an exclusive end, so ranges carry over unchanged. An empty range
 * is widened to one character, because Monaco draws no squiggle for it.
 */
export function findingsToMarkers(findings: readonly LintFinding[]): LintMarker[] {
  return findings.map((finding) => {
    const { start, end } = finding.range;
    const empty = start.line === end.line && end.column <= start.column;
    const fix = finding.fix ? `\nFix: ${finding.fix}` : '';
    return {
      severity: SEVERITY[finding.severity.toLowerCase()] ?? SEVERITY.warning ?? 4,
      message: `${finding.message}${fix}`,
      startLineNumber: start.line,
      startColumn: start.column,
      endLineNumber: end.line,
      endColumn: empty ? start.column + 1 : end.column,
      source: 'Dockerfile lint',
      code: finding.rule,
    };
  });
}
