import pino from 'pino';

/** The one server-side logger: structured JSON lines on stdout. */
export const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
