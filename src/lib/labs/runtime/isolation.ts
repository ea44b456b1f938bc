/**
 * Headers that make a page cross-origin isolated, which WebContainer needs for
 * SharedArrayBuffer. They go on lab pages only: every subresource of an
 * isolated page must be same-origin or carry Cross-Origin-Resource-Policy, and
 * lesson pages should stay free to embed anything.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const LAB_PAGE = /^\/labs\/[a-z0-9][a-z0-9-]*\/?$/;

/** Check whether a URL path is a lab page (`/labs/{id}/`), the only routes that get isolation headers. */
export function isLabPagePath(pathname: string): boolean {
  return LAB_PAGE.test(pathname);
}
