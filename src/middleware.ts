import { defineMiddleware } from 'astro:middleware';
import { ISOLATION_HEADERS, isLabPagePath } from './lib/labs/runtime/isolation.ts';

/**
 * Add the cross-origin isolation headers to lab pages. Lab pages render on
 * demand, so this runs for them in `astro dev`, `astro preview` and the Node
 * server alike.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!isLabPagePath(context.url.pathname)) return response;

  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.headers.set(name, value);
  return response;
});
