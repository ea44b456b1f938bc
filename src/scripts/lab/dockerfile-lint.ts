import { parseDockerfile } from '../../lib/docker/parser/index.ts';
import { lintDockerfile, type LintContext } from '../../lib/docker/lint/index.ts';
import { findingsToMarkers, type LintFinding } from './lint-markers.ts';
import type { EditorHandle } from './editor.ts';

/** Whether a lab file is a Dockerfile the linter should read (`Dockerfile`, `Dockerfile.dev`, `app.dockerfile`). */
export function isDockerfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^Dockerfile(\..+)?$/.test(name) || name.endsWith('.dockerfile');
}

/**
 * Lint the file open in the editor and show the findings as markers; other
 * files get no markers. `context` lists the build context so the linter can
 * judge the `.dockerignore`.
 */
export function lintOpenFile(editor: EditorHandle, context: LintContext): void {
  const path = editor.currentPath();
  const text = editor.currentText();
  if (path === null || text === null || !isDockerfilePath(path)) return;

  const findings = lintDockerfile(parseDockerfile(text), context) as LintFinding[];
  editor.setMarkers(path, findingsToMarkers(findings));
}
