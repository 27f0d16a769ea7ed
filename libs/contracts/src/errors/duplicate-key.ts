const DUPLICATE_KEY = 11000;

/**
 * Whether a write failed on a unique index. MongoDB reports code 11000; FerretDB 1.24 does too
 * for an insert, but reports the same violation on an update as an InternalError whose message
 * names SQLite's "UNIQUE constraint failed" (the write is refused either way).
 */
export const isDuplicateKey = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === DUPLICATE_KEY || (typeof message === 'string' && message.includes('UNIQUE constraint failed'))
  );
};
