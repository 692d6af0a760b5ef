import { PROFILE_LINK_MAX_LENGTH } from '@heardback/contracts';

/** A stored phone number: E.164, a plus, the country code and at most 15 digits in all. The database checks the same. */
export const STORED_PHONE = /^\+[1-9][0-9]{6,14}$/;
/** What people type between the digits of a number and we drop: spaces, dashes, dots, brackets. */
const PHONE_SEPARATORS = /[\s\-.()]/g;

export const PHONE_RULE_MESSAGE =
  'must be an international number: a + and the country code, then the number, such as +44 20 7946 0958';
export const PROFILE_LINK_RULE_MESSAGE =
  'must be a web address starting with https://, such as https://www.linkedin.com/in/your-name';

/**
 * A phone number as typed ("+44 (0)20 7946-0958" style separators allowed) in the form it is
 * stored and dialled: "+442079460958". Null when it is not an international number.
 */
export function normalizePhone(typed: string): string | null {
  const compact = typed.trim().replace(/^00/, '+').replace('(0)', '').replace(PHONE_SEPARATORS, '');
  return STORED_PHONE.test(compact) ? compact : null;
}

/** An https address with a host: the only kind of link shown to the agency, so a link can never run script. */
export function isProfileLink(value: string): boolean {
  if (value.length > PROFILE_LINK_MAX_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
