import { ErrorCode } from '@heardback/contracts';
import { errorCodeOf, httpErrorMessage } from '../core/api-error';

/** Why a link to finish registering cannot be used: it no longer works, or its address has an account already. */
export interface DeadRegistrationLink {
  reason: 'used' | 'taken';
  /** The API's words for it. */
  message: string;
}

/** The dead link an API answer tells of, finishing the registration or starting it again; null for any other answer. */
export function deadRegistrationLink(error: unknown): DeadRegistrationLink | null {
  const code = errorCodeOf(error);
  if (code !== ErrorCode.TokenInvalid && code !== ErrorCode.EmailTaken) return null;
  return { reason: code === ErrorCode.EmailTaken ? 'taken' : 'used', message: httpErrorMessage(error) };
}
