import { ErrorCode } from '@heardback/contracts';
import { DomainError, passwordProblemTexts } from '@heardback/domain';

/** Refuses a new password that breaks the rule in libs/domain, as a field error on `field`. */
export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  const reasons = passwordProblemTexts(password, { email });
  if (reasons.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, `${field}: ${reasons.join('; ')}`, [{ field, reasons }]);
  }
}
