import {
  CLIENT_REVIEW_PAGE_PATH,
  FINISH_REGISTRATION_PAGE_PATH,
  RESET_PASSWORD_PAGE_PATH,
  SATISFACTION_LINK_KEYS,
  SATISFACTION_PAGE_PATH,
  VERIFY_EMAIL_PAGE_PATH,
} from '@heardback/contracts';

/**
 * Links in an email that work as a key: whoever holds one may make an account and be signed in to it,
 * confirm an address, set an account's password, give a client's feedback, or read and change a candidate's anonymous answer to "how did
 * we do?". Besides the recipient's inbox, the outbox is their only copy, so staff's outgoing-mail
 * view shows each link without its key, and the sender blanks the key once the message is sent.
 *
 * Each entry is what comes before the key in the link; the key runs to the next character that
 * cannot be in one (`&`, white space, the end).
 */
const BEFORE_THE_KEY = [
  `${CLIENT_REVIEW_PAGE_PATH}#`,
  `/${SATISFACTION_PAGE_PATH}#${SATISFACTION_LINK_KEYS.token}=`,
  `${FINISH_REGISTRATION_PAGE_PATH}?token=`,
  `${VERIFY_EMAIL_PAGE_PATH}?token=`,
  `${RESET_PASSWORD_PAGE_PATH}?token=`,
];

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keys, as a regular expression that means the same to JavaScript and to PostgreSQL (its
 * advanced syntax): group 1 is the link up to the key.
 */
export const KEYED_LINK_PATTERN = `(${BEFORE_THE_KEY.map(escaped).join('|')})[A-Za-z0-9_%.~-]+`;

/** What the sender writes instead of a key, once the message is sent (PostgreSQL's replacement syntax). */
export const KEY_SENT_REPLACEMENT = '\\1(link sent)';

/** And once it gives up on the message: never sent, the link never reached anyone. */
export const KEY_GIVEN_UP_REPLACEMENT = '\\1(link not sent)';

/** The email as staff read it in the outbox: every key replaced. */
export function hideLinkKeys(body: string): string {
  return body.replace(new RegExp(KEYED_LINK_PATTERN, 'g'), '$1(link hidden)');
}
