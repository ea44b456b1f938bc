import { describe, expect, it } from 'vitest';
import { humanSize } from '../units.ts';
import { parseReference } from '../reference.ts';
import { resolveCatalog } from './index.ts';

/** Resolve a familiar reference at an epoch, or null. */
function resolve(text: string, epoch = 0) {
  return resolveCatalog(parseReference(text), epoch);
}

describe('resolveCatalog', () => {
  const sizes: Array<[string, string]> = [
    ['python:3.12-slim', '131MB'],
    ['python:3.12.7-slim', '131MB'],
    ['alpine:3.20', '7.8MB'],
    ['debian:bookworm-slim', '74.8MB'],
    ['ubuntu:24.04', '78.1MB'],
  ];
  it.each(sizes)('%s is about %s', (reference, size) => {
    const base = resolve(reference);
    expect(base).not.toBeNull();
    expect(humanSize(base?.layers.reduce((total, layer) => total + layer.size, 0) ?? 0)).toBe(size);
  });

  const known = [
    'python:3.12', 'python:3.13-alpine', 'python:3-slim', 'python:3', 'python:latest', 'python:3.12-slim-bookworm',
    'node:22-slim', 'node:24-alpine', 'node:lts', 'debian:bookworm-slim', 'ubuntu:24.04', 'alpine:3.20',
    'nginx:1.27', 'nginx:latest', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04',
    'python:3.11-slim', 'node:20-alpine', 'debian:bookworm', 'ubuntu:22.04',
  ];
  it.each(known)('knows %s', (reference) => {
    expect(resolve(reference)).not.toBeNull();
  });

  it('rejects unknown tags', () => {
    expect(resolve('python:2.9-slim')).toBeNull();
    expect(resolve('notanimage')).toBeNull();
  });

  const moving: Array<[string, boolean]> = [
    ['python:3', true],
    ['python:3.12-slim', true],
    ['node:lts-slim', true],
    ['nginx:latest', true],
    ['python:3.12.7-slim', false],
    ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', false],
  ];
  it.each(moving)('%s moves with registry time: %s', (reference, moves) => {
    const before = resolve(reference, 0)?.manifestDigest;
    const after = resolve(reference, 1)?.manifestDigest;
    expect(before === after).toBe(!moves);
  });

  it('resolves a digest reference to the same image at every epoch', () => {
    const digest = resolve('python:3.12-slim')?.manifestDigest ?? '';
    expect(resolve(`python@${digest}`, 3)?.key).toBe(resolve('python:3.12-slim')?.key);
  });
});
