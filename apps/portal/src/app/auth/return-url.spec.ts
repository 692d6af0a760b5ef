import { UserRole, UserView } from '@heardback/contracts';
import { afterSignIn } from './return-url';
import { aUser } from '../testing/factories';

const as = (role: UserRole): UserView => aUser({ id: 'u', email: 'x@example.com', fullName: 'X', role });

describe('afterSignIn', () => {
  it('goes back to the page on this site the person came from', () => {
    expect(afterSignIn('/jobs/42?x=1', as(UserRole.Candidate))).toBe('/jobs/42?x=1');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '/\t/evil.example',
    '/finish-registration',
  ])('never leaves the site for %s', (returnUrl) => {
    expect(afterSignIn(returnUrl, as(UserRole.Candidate))).toBe('/me');
  });

  it('goes to the role’s home when there is nowhere to go back to', () => {
    expect(afterSignIn(undefined, as(UserRole.Recruiter))).toBe('/recruiter');
    expect(afterSignIn('/sign-in', as(UserRole.Staff))).toBe('/staff');
  });
});
