/**
 * Minimal deterministic ustar writer: entries in the order given, mtime 0,
 * no user or group names, so the same layer always gives the same bytes.
 */

export type TarEntry = {
  /** Path inside the archive without a leading slash (`app/main.py`, `app/`). */
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  data?: Uint8Array;
  linkTarget?: string;
};

const encoder = new TextEncoder();
const block = 512;

/** ustar type flags: '0' regular file, '2' symlink, '5' directory. */
const typeFlags: Record<TarEntry['type'], number> = { file: 0x30, symlink: 0x32, dir: 0x35 };

/** Write `value` as a zero-terminated octal field of `width` bytes. */
function writeOctal(header: Uint8Array, offset: number, width: number, value: number): void {
  const text = value.toString(8).padStart(width - 1, '0');
  header.set(encoder.encode(text), offset);
  header[offset + width - 1] = 0;
}

/** Split a long path into ustar's prefix (155) and name (100) fields. */
function splitName(name: string): { prefix: string; base: string } {
  if (encoder.encode(name).length <= 100) return { prefix: '', base: name };
  const cut = name.lastIndexOf('/', 155);
  if (cut <= 0 || name.length - cut - 1 > 100) return { prefix: '', base: name.slice(-100) };
  return { prefix: name.slice(0, cut), base: name.slice(cut + 1) };
}

/** Build the 512-byte ustar header of one entry. */
function header(entry: TarEntry, size: number): Uint8Array {
  const bytes = new Uint8Array(block);
  const { prefix, base } = splitName(entry.name);
  bytes.set(encoder.encode(base).slice(0, 100), 0);
  writeOctal(bytes, 100, 8, entry.mode & 0o7777);
  writeOctal(bytes, 108, 8, entry.uid);
  writeOctal(bytes, 116, 8, entry.gid);
  writeOctal(bytes, 124, 12, size);
  writeOctal(bytes, 136, 12, 0);
  bytes.fill(0x20, 148, 156);
  bytes[156] = typeFlags[entry.type];
  if (entry.linkTarget !== undefined) bytes.set(encoder.encode(entry.linkTarget).slice(0, 100), 157);
  bytes.set(encoder.encode('ustar\u000000'), 257);
  bytes.set(encoder.encode(prefix).slice(0, 155), 345);
  let checksum = 0;
  for (const byte of bytes) checksum += byte;
  const text = checksum.toString(8).padStart(6, '0');
  bytes.set(encoder.encode(text), 148);
  bytes[154] = 0;
  bytes[155] = 0x20;
  return bytes;
}

/** Write a complete tar archive (with the two zero blocks at the end). */
export function writeTar(entries: TarEntry[]): Uint8Array {
  let total = block * 2;
  for (const entry of entries) {
    const size = entry.type === 'file' ? (entry.data?.length ?? 0) : 0;
    total += block + Math.ceil(size / block) * block;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const entry of entries) {
    const data = entry.type === 'file' ? (entry.data ?? new Uint8Array()) : new Uint8Array();
    out.set(header(entry, data.length), offset);
    offset += block;
    out.set(data, offset);
    offset += Math.ceil(data.length / block) * block;
  }
  return out;
}
