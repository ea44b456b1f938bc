import type { APIRoute } from 'astro';
import { json } from '../../../../lib/grading-service/http.ts';
import { getLatestVerification, postVerification } from '../../../../lib/labs/verify/endpoint.ts';
import { latestInServerStorage, recordInServerStorage } from '../../../../lib/labs/verify/record.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, params }) => postVerification(request, params.id, recordInServerStorage);

export const GET: APIRoute = ({ request, params }) => getLatestVerification(request, params.id, latestInServerStorage);

export const ALL: APIRoute = ({ request }) =>
  json(405, { error: `Method ${request.method} is not allowed; use GET or POST` }, { allow: 'GET, POST' });
