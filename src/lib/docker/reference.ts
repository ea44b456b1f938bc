/**
 * Image references after the distribution reference grammar
 * (github.com/distribution/reference): `[domain[:port]/]path[:tag][@digest]`,
 * lowercase path components, `docker.io/library/` normalisation.
 */

export type ImageReference = {
  /** Registry host, `docker.io` when the reference names none. */
  domain: string;
  /** Repository path within the registry (`library/python`). */
  path: string;
  tag: string | null;
  digest: string | null;
};

/** Error thrown for a string that is not a valid image reference; the message is Docker's. */
export class ReferenceError extends Error {}

const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainPattern = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const pathPattern = `${component}(?:/${component})*`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(`^((?:${domainPattern}/)?${pathPattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const anchoredDomain = new RegExp(`^${domainPattern}$`);

/** Tell whether the first path segment names a registry host rather than a Docker Hub namespace. */
function isDomain(segment: string): boolean {
  return segment.includes('.') || segment.includes(':') || segment === 'localhost' || segment !== segment.toLowerCase();
}

/** Split a name into registry host and remainder, adding `library/` for Docker Hub official images. */
function splitDomain(text: string): { domain: string; remainder: string } {
  const slash = text.indexOf('/');
  if (slash > 0 && isDomain(text.slice(0, slash))) {
    const domain = text.slice(0, slash);
    return { domain: domain === 'index.docker.io' ? 'docker.io' : domain, remainder: text.slice(slash + 1) };
  }
  return { domain: 'docker.io', remainder: slash < 0 ? `library/${text}` : text };
}

/**
 * Parse and normalise a reference (`python:3.12` → docker.io/library/python:3.12).
 * Throws ReferenceError with Docker's text; uppercase is reported before any
 * other grammar error, so `Heart:1` names `library/Heart` like the Docker CLI.
 */
export function parseReference(text: string): ImageReference {
  const { domain, remainder } = splitDomain(text);
  const tagSeparator = remainder.indexOf(':');
  const remote = tagSeparator < 0 ? remainder : remainder.slice(0, tagSeparator);
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const match = referencePattern.exec(`${domain}/${remainder}`);
  if (match === null || !anchoredDomain.test(domain)) throw new ReferenceError('invalid reference format');
  const [, , tag, digest] = match;
  const path = remainder.replace(/[:@].*$/, '');
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new ReferenceError('invalid reference format');
  }
  return { domain, path, tag: tag ?? null, digest: digest ?? null };
}

/** Add the `latest` tag when a reference has neither tag nor digest, as `docker pull` does. */
export function withDefaultTag(reference: ImageReference): ImageReference {
  return reference.tag === null && reference.digest === null ? { ...reference, tag: 'latest' } : reference;
}

/** Return the full repository name (`docker.io/library/python`). */
export function fullName(reference: ImageReference): string {
  return `${reference.domain}/${reference.path}`;
}

/** Return the short repository name Docker prints (`python`, `localhost:5000/heart-model`). */
export function familiarName(reference: ImageReference): string {
  if (reference.domain !== 'docker.io') return `${reference.domain}/${reference.path}`;
  return reference.path.startsWith('library/') ? reference.path.slice('library/'.length) : reference.path;
}

/** Format a reference in its full form (`docker.io/library/python:3.12@sha256:…`). */
export function formatFull(reference: ImageReference): string {
  return `${fullName(reference)}${reference.tag === null ? '' : `:${reference.tag}`}${reference.digest === null ? '' : `@${reference.digest}`}`;
}

/** Format a reference as Docker shows it to people (`python:3.12`). */
export function formatFamiliar(reference: ImageReference): string {
  return `${familiarName(reference)}${reference.tag === null ? '' : `:${reference.tag}`}${reference.digest === null ? '' : `@${reference.digest}`}`;
}
