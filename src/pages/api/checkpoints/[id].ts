import type { APIRoute } from 'astro';
import { getCheckpoint, methodNotAllowed } from '../../../lib/grading-service/handlers.ts';

export const prerender = false;

export const GET: APIRoute = ({ request, params }) => getCheckpoint(request, params.id);

/** Answer HEAD like GET without the body, as HTTP requires. */
export const HEAD: APIRoute = async ({ request, params }) => {
  const response = await getCheckpoint(request, params.id);
  return new Response(null, { status: response.status, headers: response.headers });
};

export const ALL: APIRoute = ({ request, params }) => methodNotAllowed(request, 'GET, HEAD', params.id);
