import { familiarName, parseReference, withDefaultTag } from '../../docker/reference.ts';

/** Normalise a reference to its familiar `name:tag` form (`heart-model` → `heart-model:latest`); invalid text is returned as it is. */
export function familiarReference(text: string): string {
  try {
    const reference = withDefaultTag(parseReference(text));
    const name = familiarName(reference);
    return reference.digest !== null ? `${name}@${reference.digest}` : `${name}:${reference.tag ?? 'latest'}`;
  } catch {
    return text;
  }
}

/** Shorten an image id to the 12 hex digits `docker images` shows. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
