import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@heardback/contracts';
import { COMMON_PASSWORD_ROOTS, COMMON_PASSWORDS } from './common-passwords';

/**
 * Whether a new password is acceptable (ASVS 5.0 §6.2: at least 12 characters, no composition rules,
 * refused when common or derived from the account). Existing passwords are never re-checked.
 * Behind this one function so a fuller offline check (e.g. @zxcvbn-ts) can replace the list.
 */
export interface PasswordContext {
  /** The account's address: a password built from its local part is refused. */
  email?: string;
}

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'one_character'
  | 'common'
  | 'contains_email'
  | 'contains_product';

/** The rule, shown before anyone types, and the reason for each refusal: the words live here, once. */
export const PASSWORD_RULE = `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good password; common passwords and ones built from the account's email address are refused.`;

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  one_character: 'must not be one character repeated: try a few unrelated words',
  common: 'is one of the most common passwords, so it is easy to guess: try a few unrelated words',
  contains_email: "must not contain the account's email address: try a few unrelated words",
  contains_product: 'must not be built from the name Heardback: try a few unrelated words',
};

const common = new Set(COMMON_PASSWORDS.map(simplify));
const roots = new Set(COMMON_PASSWORD_ROOTS.map(simplify));

/** Lower-case, spaces and separators removed, so "Pass Word-1234" is seen as "password1234". */
function simplify(password: string): string {
  return password.toLowerCase().replace(/[\s._\-!@#$%^&*]+/g, '');
}

export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  if (password.length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (password.length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const simple = simplify(password);
  if (new Set(password).size === 1) return ['one_character'];
  const problems: PasswordProblem[] = [];
  // A common password, or a common root with only digits or repetition around it ("dragon12345678").
  const root = simple.replace(/\d+$/, '').replace(/^\d+/, '');
  if (
    common.has(simple) ||
    common.has(password.toLowerCase()) ||
    simple === '' ||
    roots.has(root) ||
    isRepeated(root)
  ) {
    problems.push('common');
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && simple.includes(simplify(localPart))) problems.push('contains_email');
  if (simple.includes('heardback') && !problems.includes('common')) problems.push('contains_product');
  return problems;
}

/** "abcabcabcabc", "121212121212": a short run repeated. */
function isRepeated(value: string): boolean {
  return value.length > 0 && /^(.{1,4})\1+$/.test(value);
}

export function passwordProblemTexts(password: string, context: PasswordContext = {}): string[] {
  return passwordProblems(password, context).map((problem) => PASSWORD_PROBLEM_TEXT[problem]);
}
