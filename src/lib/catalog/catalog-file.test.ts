import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogPath, parseCatalog } from './load.ts';

const text = readFileSync(join(process.cwd(), catalogPath), 'utf8');

describe('deployment-option catalog file', () => {
  it('validates the repository file', () => {
    const catalog = parseCatalog(text);

    expect(catalog.map((option) => option.id)).toEqual(['container', 'serverless', 'managed-platform', 'model-as-a-service', 'edge']);
  });

  const broken: { name: string; edit: (source: string) => string; message: RegExp }[] = [
    {
      name: 'unknown network value',
      edit: (source) => source.replace('network: none', 'network: sometimes'),
      message: /^src\/data\/deployment-options\.yaml: \[4\]\.facts\.network: /,
    },
    {
      name: 'missing latency source',
      edit: (source) => source.replace(/ {6}source: >-\n {8}Estimate for a warm function[^\n]*\n/, ''),
      message: /^src\/data\/deployment-options\.yaml: \[1\]\.facts\.latency\.source: /,
    },
    {
      name: 'duplicate id',
      edit: (source) => source.replace('- id: edge', '- id: container'),
      message: /^src\/data\/deployment-options\.yaml: \[4\]\.id: Duplicate option id "container"/,
    },
  ];

  it.each(broken)('rejects a copy with $name', ({ edit, message }) => {
    const changed = edit(text);
    expect(changed).not.toBe(text);
    expect(() => parseCatalog(changed)).toThrow(message);
  });
});
