import { parse } from 'yaml';

/**
 * Reads each lab's estimated minutes from its manifest text, keyed by lab id.
 * `manifests` maps a path ending in `labs/<id>/lab.yaml` to the file's text.
 * The full manifest is validated by the content check; this reads only
 * `minutes` and rejects a value that could not be added to a lesson's time.
 */
export function readLabMinutes(manifests: Record<string, string>): Map<string, number> {
  const minutes = new Map<string, number>();
  for (const [path, text] of Object.entries(manifests)) {
    const id = /labs\/([^/]+)\/lab\.yaml$/.exec(path)?.[1];
    if (id === undefined) continue;

    const value = (parse(text) as { minutes?: unknown } | null)?.minutes;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`labs/${id}/lab.yaml: minutes: Expected a whole number of minutes, 1 or more; found ${JSON.stringify(value) ?? 'nothing'}`);
    }
    minutes.set(id, value);
  }
  return minutes;
}
