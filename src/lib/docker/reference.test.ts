import { describe, expect, it } from 'vitest';
import { formatFamiliar, formatFull, parseReference } from './reference.ts';

describe('parseReference', () => {
  const valid: Array<[string, string, string]> = [
    ['python', 'docker.io/library/python', 'python'],
    ['python:3.12-slim', 'docker.io/library/python:3.12-slim', 'python:3.12-slim'],
    ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'docker.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04'],
    ['localhost:5000/heart-model:1.0', 'localhost:5000/heart-model:1.0', 'localhost:5000/heart-model:1.0'],
    ['docker.io/library/alpine:3.20', 'docker.io/library/alpine:3.20', 'alpine:3.20'],
    ['ghcr.io/acme/app_server:v1', 'ghcr.io/acme/app_server:v1', 'ghcr.io/acme/app_server:v1'],
  ];
  it.each(valid)('normalises %s', (input, full, familiar) => {
    const reference = parseReference(input);
    expect(formatFull(reference)).toBe(full);
    expect(formatFamiliar(reference)).toBe(familiar);
  });

  const invalid: Array<[string, string]> = [
    ['Heart:1', 'invalid reference format: repository name (library/Heart) must be lowercase'],
    ['acme/Heart', 'invalid reference format: repository name (acme/Heart) must be lowercase'],
    ['heart model', 'invalid reference format'],
    ['heart:', 'invalid reference format'],
    ['-heart', 'invalid reference format'],
    ['heart@sha256:abc', 'invalid reference format'],
    ['', 'invalid reference format'],
  ];
  it.each(invalid)('rejects %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(message);
  });

  it('keeps a digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseReference(`python@${digest}`).digest).toBe(digest);
  });
});
