import type { APIRoute } from 'astro';
import { json } from '../../../../lib/grading-service/http.ts';
import { postVerification } from '../../../../lib/labs/verify/endpoint.ts';
import { recordInServerStorage } from '../../../../lib/labs/verify/record.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, params }) => postVerification(request, params.id, recordInServerStorage);

export const ALL: APIRoute = ({ request }) =>
  json(405, { error: `Method ${request.method} is not allowed; use POST` }, { allow: 'POST' });
