import { ErrorCode } from '@heardback/contracts';

/** What a caller reads when this instance cannot serve them just now, and how soon to try again. */
export const UNAVAILABLE = {
  [ErrorCode.DatabaseUnavailable]: {
    message: 'Heardback cannot reach its database for a moment. Please try again in a few seconds.',
    retryAfterSeconds: 5,
  },
  [ErrorCode.Overloaded]: {
    message: 'Heardback is very busy just now. Please try again in a moment.',
    retryAfterSeconds: 2,
  },
  [ErrorCode.RequestTimeout]: {
    message:
      'Heardback took too long to answer. Please try again; if you were saving something, reload first to see whether it was saved.',
    retryAfterSeconds: 2,
  },
  [ErrorCode.ShuttingDown]: {
    message: 'Heardback is restarting. Please try again in a moment.',
    retryAfterSeconds: 1,
  },
} as const;

export type UnavailableCode = keyof typeof UNAVAILABLE;
