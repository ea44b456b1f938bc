import type { APIRoute } from 'astro';
import { getCheckpoint, methodNotAllowed } from '../../../lib/grading-service/handlers.ts';

export const prerender = false;

export const GET: APIRoute = ({ request, params }) => getCheckpoint(request, params.id);

export const ALL: APIRoute = ({ request, params }) => methodNotAllowed(request, 'GET', params.id);
