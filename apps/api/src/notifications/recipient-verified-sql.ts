/**
 * Whether a message may go as far as its recipient's address is concerned, as SQL over the
 * notifications row `alias`: mail to someone who has not verified their address waits for them; the
 * verification email itself goes (it is what verifies the address), and so does mail to an address
 * with no account behind it.
 *
 * Written as a scalar subquery so PostgreSQL looks each due message's recipient up by primary key.
 * `NOT EXISTS (SELECT 1 FROM users WHERE id = recipient AND email_verified_at IS NULL)` reads the same,
 * but is planned as a hashed subplan of every unverified user, which read the whole users table on
 * every claim of the sender (ADR 0059). One home, so the sender and its lag gauge hold back the same mail.
 */
export function recipientVerifiedOrExemptSql(alias: string): string {
  return `(${alias}.kind = 'email_verification' OR ${alias}.recipient_id IS NULL OR (
             SELECT u.email_verified_at IS NOT NULL FROM users u WHERE u.id = ${alias}.recipient_id) IS NOT FALSE)`;
}
