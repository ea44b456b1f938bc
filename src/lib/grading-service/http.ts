import { log } from '../log.ts';

/** Largest accepted request body, in bytes. */
export const maxBodyBytes = 16 * 1024;

/** Fields that identify a request in logs; never the learner's answer. */
export type RequestIds = { checkpointId?: string; learnerId?: string; submissionId?: string };

/** Build a JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Log a rejected request (status, reason, ids) and build its JSON error response. */
export function reject(
  status: number,
  reason: string,
  ids: RequestIds,
  body: Record<string, unknown> = { error: reason },
  headers: Record<string, string> = {},
): Response {
  log.warn({ status, reason, ...ids }, 'request rejected');
  return json(status, body, headers);
}

/** Result of reading a JSON body: the parsed value, or the status and reason to reject with. */
export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; reason: string; detail?: string };

/** Return true when the Content-Type header names application/json (parameters allowed). */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Read and parse a JSON request body of at most `limit` bytes. The declared
 * Content-Length is checked first, then the bytes are counted while reading,
 * so a chunked body without a length cannot exceed the limit either.
 */
export async function readJsonBody(request: Request, limit = maxBodyBytes): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return { ok: false, status: 415, reason: 'Content-Type must be application/json' };
  }

  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    return { ok: false, status: 413, reason: `Request body is larger than ${limit} bytes` };
  }

  const bytes = await readLimited(request, limit);
  if (bytes === null) return { ok: false, status: 413, reason: `Request body is larger than ${limit} bytes` };

  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    // The parser's message can quote the body, so it goes to the client only, never to the log.
    return { ok: false, status: 400, reason: 'Invalid JSON', detail: (error as Error).message };
  }
}

/** Read the whole body, or return null as soon as it passes `limit` bytes (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;

  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
