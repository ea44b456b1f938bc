import { gunzipSync } from 'fflate';

/** Entry of a tar archive as `readTar` returns it. */
export type ReadTarEntry = { name: string; type: 'file' | 'dir' | 'symlink'; mode: number; data: Uint8Array; linkTarget?: string };

const decoder = new TextDecoder();

/** Read a NUL-terminated string field of a tar header. */
function field(header: Uint8Array, offset: number, length: number): string {
  const bytes = header.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** Read an octal number field of a tar header. */
function octal(header: Uint8Array, offset: number, length: number): number {
  const text = field(header, offset, length).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/**
 * Read a ustar (or old-style) tar archive, gunzipping it first when it starts
 * with the gzip magic bytes. Returns null when the bytes are not a tar archive,
 * which is how ADD decides to copy a file as it is.
 */
export function readTar(bytes: Uint8Array): ReadTarEntry[] | null {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch {
      return null;
    }
  }
  const entries: ReadTarEntry[] = [];
  let offset = 0;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;

    // The checksum counts the checksum field itself as eight spaces.
    let sum = 0;
    for (let index = 0; index < 512; index += 1) sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
    if (sum !== octal(header, 148, 8)) return null;

    const prefix = field(header, 345, 155);
    const name = prefix === '' ? field(header, 0, 100) : `${prefix}/${field(header, 0, 100)}`;
    const size = octal(header, 124, 12);
    const flag = String.fromCharCode(header[156] ?? 0x30);
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (flag === '5') entries.push({ name: name.replace(/\/$/, ''), type: 'dir', mode: octal(header, 100, 8), data: new Uint8Array() });
    else if (flag === '2') entries.push({ name, type: 'symlink', mode: 0o777, data: new Uint8Array(), linkTarget: field(header, 157, 100) });
    else if (flag === '0' || flag === '\u0000') entries.push({ name, type: 'file', mode: octal(header, 100, 8), data: body.slice() });
  }
  return entries;
}
