/**
 * The request header that makes a command safe to retry (ADR 0022): a key the client generates once
 * per submission (a UUID) and sends again, unchanged, with every retry of that submission. The API
 * carries the command out once and answers each retry with the same outcome.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The longest key the API accepts; a UUID is 36 characters. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;
