import type { APIRoute } from 'astro';
import { methodNotAllowed, postSubmission } from '../../../../lib/grading-service/handlers.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, params }) => postSubmission(request, params.id);

export const ALL: APIRoute = ({ request, params }) => methodNotAllowed(request, 'POST', params.id);
