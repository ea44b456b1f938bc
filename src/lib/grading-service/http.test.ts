import { describe, expect, it } from 'vitest';
import { isJsonContentType, maxBodyBytes, readJsonBody } from './http.ts';

/** Build a POST request; `chunks` become a streamed body without Content-Length. */
function request(headers: Record<string, string>, body: string | string[]): Request {
  if (typeof body === 'string') return new Request('http://127.0.0.1/x', { method: 'POST', headers, body });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of body) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request('http://127.0.0.1/x', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
}

const json = { 'content-type': 'application/json' };

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/jsonp', false],
    ['text/plain', false],
    ['application/problem+json', false],
  ])('%s is %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });

  it('missing header is not JSON', () => {
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe('readJsonBody', () => {
  it.each([
    ['valid object', json, '{"a":1}', { ok: true, value: { a: 1 } }],
    ['valid array', json, '[1,2]', { ok: true, value: [1, 2] }],
    ['wrong content type', { 'content-type': 'text/plain' }, '{"a":1}', { ok: false, status: 415 }],
    ['invalid JSON', json, '{"a":', { ok: false, status: 400, reason: 'Invalid JSON' }],
    ['empty body', json, '', { ok: false, status: 400, reason: 'Invalid JSON' }],
    ['declared too large', { ...json, 'content-length': String(maxBodyBytes + 1) }, '{}', { ok: false, status: 413 }],
    ['exactly the limit', json, `"${'a'.repeat(maxBodyBytes - 2)}"`, { ok: true }],
    ['one byte over', json, `"${'a'.repeat(maxBodyBytes - 1)}"`, { ok: false, status: 413 }],
  ])('%s', async (_case, headers, body, expected) => {
    const result = await readJsonBody(request(headers, body));

    expect(result).toMatchObject(expected);
  });

  it('counts streamed bytes without Content-Length', async () => {
    const chunks = ['"', ...Array.from({ length: 17 }, () => 'a'.repeat(1024)), '"'];
    const result = await readJsonBody(request(json, chunks));

    expect(result).toMatchObject({ ok: false, status: 413 });
  });

  it('counts bytes, not characters', async () => {
    // 'é' is two bytes in UTF-8: 9,000 of them pass 16 KiB with only 9,002 characters.
    const result = await readJsonBody(request(json, [`"${'é'.repeat(9000)}"`]));

    expect(result).toMatchObject({ ok: false, status: 413 });
  });

  it('rejects invalid UTF-8', async () => {
    const bytes = new Uint8Array([0x22, 0xff, 0x22]);
    const result = await readJsonBody(new Request('http://127.0.0.1/x', { method: 'POST', headers: json, body: bytes }));

    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
