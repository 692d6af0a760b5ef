/** Providers that deliver `first.last@` and `firstlast@` to the same inbox. */
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com']);

/**
 * The inbox an address reaches, for counting what is mailed to it: lower case, without a `+tag`
 * (`ann+1@x` and `ann+2@x` are both ann's), and without dots where the provider ignores them. Only
 * for limits: the address itself is kept and written to as it was typed.
 */
export function inboxOf(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const domain = address.slice(at + 1);
  let local = address.slice(0, at).split('+')[0];
  if (DOTS_IGNORED.has(domain)) local = local.replace(/\./g, '');
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}
