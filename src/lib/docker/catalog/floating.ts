/**
 * Floating tags: tags that upstream moves to newer images over time.
 * Each entry lists what the tag names at registry epoch 0, 1, ...; an epoch
 * past the end of the list keeps the last image. `advanceRegistryTime()`
 * adds one to the epoch, as if a release had happened upstream.
 */

type FloatingTable = Record<string, string[]>;

/** Expand one release line into its floating tags for every variant spelling. */
function pythonLine(minor: string, versions: string[], extraAliases: string[]): FloatingTable {
  const table: FloatingTable = {};
  const add = (tags: string[], canonical: (version: string) => string) => {
    for (const tag of tags) table[`library/python:${tag}`] = versions.map(canonical);
  };
  add([minor, `${minor}-bookworm`, ...extraAliases.flatMap((alias) => [alias, `${alias}-bookworm`])], (version) => `${version}-bookworm`);
  add([`${minor}-slim`, `${minor}-slim-bookworm`, ...extraAliases.flatMap((alias) => [`${alias}-slim`, `${alias}-slim-bookworm`])], (version) => `${version}-slim-bookworm`);
  add([`${minor}-alpine`, ...extraAliases.map((alias) => `${alias}-alpine`)], (version) => `${version}-alpine3.20`);
  return table;
}

/** Expand one node major line into its floating tags. */
function nodeLine(major: string, versions: string[], aliasesByEpoch: Array<string[]>): FloatingTable {
  const table: FloatingTable = {};
  const variants: Array<[string, (version: string) => string]> = [
    ['', (version) => `${version}-bookworm`],
    ['-bookworm', (version) => `${version}-bookworm`],
    ['-slim', (version) => `${version}-bookworm-slim`],
    ['-bookworm-slim', (version) => `${version}-bookworm-slim`],
    ['-alpine', (version) => `${version}-alpine3.20`],
  ];
  for (const [suffix, canonical] of variants) {
    table[`library/node:${major}${suffix}`] = versions.map(canonical);
  }
  aliasesByEpoch.forEach((aliases, epoch) => {
    for (const alias of aliases) {
      for (const [suffix, canonical] of variants) {
        const key = `library/node:${alias}${suffix}`;
        const list = table[key] ?? [];
        list[epoch] = canonical(versions[Math.min(epoch, versions.length - 1)] ?? '');
        table[key] = list;
      }
    }
  });
  return table;
}

/** Merge node alias lists whose epochs come from different major lines (lts moves from 22 to 24). */
function mergeByEpoch(...tables: FloatingTable[]): FloatingTable {
  const merged: FloatingTable = {};
  for (const table of tables) {
    for (const [key, list] of Object.entries(table)) {
      const target = merged[key] ?? [];
      list.forEach((value, epoch) => {
        if (value !== undefined) target[epoch] = value;
      });
      merged[key] = target;
    }
  }
  return merged;
}

export const floatingTags: FloatingTable = mergeByEpoch(
  pythonLine('3.11', ['3.11.13', '3.11.14'], []),
  pythonLine('3.12', ['3.12.11', '3.12.12'], []),
  pythonLine('3.13', ['3.13.5', '3.13.9'], ['3']),
  {
    'library/python:latest': ['3.13.5-bookworm', '3.13.9-bookworm'],
    'library/python:slim': ['3.13.5-slim-bookworm', '3.13.9-slim-bookworm'],
    'library/python:alpine': ['3.13.5-alpine3.20', '3.13.9-alpine3.20'],
  },
  nodeLine('20', ['20.19.3'], []),
  nodeLine('22', ['22.17.0', '22.21.1'], [['lts']]),
  nodeLine('24', ['24.4.0', '24.11.1'], [['current', 'latest'], ['lts', 'current', 'latest']]),
  {
    'library/debian:bookworm-slim': ['bookworm-20250630-slim', 'bookworm-20251117-slim'],
    'library/debian:12-slim': ['bookworm-20250630-slim', 'bookworm-20251117-slim'],
    'library/debian:bookworm': ['bookworm-20250630', 'bookworm-20251117'],
    'library/debian:12': ['bookworm-20250630', 'bookworm-20251117'],
    'library/debian:latest': ['bookworm-20250630', 'bookworm-20251117'],
    'library/ubuntu:22.04': ['jammy-20250530'],
    'library/ubuntu:jammy': ['jammy-20250530'],
    'library/ubuntu:24.04': ['noble-20250619', 'noble-20251013'],
    'library/ubuntu:noble': ['noble-20250619', 'noble-20251013'],
    'library/ubuntu:latest': ['noble-20250619', 'noble-20251013'],
    'library/alpine:3.20': ['3.20.6', '3.20.8'],
    'library/alpine:3': ['3.22.2'],
    'library/alpine:latest': ['3.22.2'],
    'library/nginx:1.27': ['1.27.5-bookworm'],
    'library/nginx:1.27-alpine': ['1.27.5-alpine'],
    'library/nginx:latest': ['1.27.5-bookworm', '1.29.3-bookworm'],
    'library/nginx:mainline': ['1.27.5-bookworm', '1.29.3-bookworm'],
    'library/nginx:alpine': ['1.27.5-alpine', '1.29.3-alpine'],
    'library/nginx:1.29': ['1.29.3-bookworm', '1.29.3-bookworm'],
    'nvidia/cuda:12.4.1-runtime-ubuntu22.04': ['12.4.1-runtime-ubuntu22.04'],
  },
);
