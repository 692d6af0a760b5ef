/**
 * How every email opens: by first name, as a person writes ("Hello Priya,"), never the full name
 * the account was registered with. Without a name, just "Hello,".
 */
export function greeting(fullName: string): string {
  const firstName = fullName.trim().split(/\s+/)[0] ?? '';
  return firstName ? `Hello ${firstName},` : 'Hello,';
}
