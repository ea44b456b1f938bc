import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/** Hash bytes or UTF-8 text with SHA-256 and return `sha256:<hex>`. */
export function sha256Digest(data: Uint8Array | string): string {
  return `sha256:${sha256Hex(data)}`;
}

/** Hash bytes or UTF-8 text with SHA-256 and return the bare hex string. */
export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}

/** Return the 12-hex short form Docker prints for an image ID or digest. */
export function shortId(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * Derive a stable number in [0, 1) from a seed string. The simulation uses it
 * wherever real Docker shows a value that varies (timings, reference ids), so
 * the same inputs always print the same text.
 */
export function seededFraction(seed: string): number {
  const hex = sha256Hex(seed).slice(0, 8);
  return Number.parseInt(hex, 16) / 0x1_0000_0000;
}
