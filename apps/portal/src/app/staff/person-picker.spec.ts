import { UserRole } from '@heardback/contracts';
import { anAgencyUser } from '../testing/agency-factories';
import { personOption } from './person-picker';

describe('personOption', () => {
  it('offers a person by name, told apart from another of the same name by email and role', () => {
    const riley = anAgencyUser({ id: 'u1', fullName: 'Riley Jones', email: 'riley@agency.test', role: UserRole.Staff });
    const namesake = anAgencyUser({ id: 'u2', fullName: 'Riley Jones', email: 'rj@agency.test' });
    expect(personOption(riley)).toEqual({ id: 'u1', name: 'Riley Jones', detail: 'riley@agency.test · staff' });
    expect(personOption({ ...namesake, role: UserRole.Recruiter }).detail).toBe('rj@agency.test · recruiter');
  });

  it('says when an account is disabled, whose work is the usual thing to hand over', () => {
    const gone = anAgencyUser({
      email: 'gone@agency.test',
      role: UserRole.Recruiter,
      disabledAt: '2026-11-01T00:00:00Z',
    });
    expect(personOption(gone).detail).toBe('gone@agency.test · recruiter · disabled');
  });
});
