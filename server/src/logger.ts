import pino, { type Logger } from 'pino';

/** Structured JSON logs. Secrets and message bodies are never logged; these paths are redacted as a safety net. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'accessToken',
        '*.accessToken',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    base: { service: 'tandem' },
  });
}
