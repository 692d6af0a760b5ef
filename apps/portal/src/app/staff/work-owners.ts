import { AgencyUserView, UserRole } from '@heardback/contracts';

/**
 * The people work can be given to, by name: active recruiters and staff (the API decides; this
 * only offers the choices it would accept), leaving out `exceptId` (who has it now).
 */
export function workTakers(people: readonly AgencyUserView[], exceptId: string | null = null): AgencyUserView[] {
  return people
    .filter((person) => person.disabledAt === null && person.id !== exceptId)
    .filter((person) => person.role === UserRole.Recruiter || person.role === UserRole.Staff)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}
