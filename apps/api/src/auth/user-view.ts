import { UserRole, UserView } from '@heardback/contracts';
import { UserEntity } from '../users/user.entity';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    timeZone: user.timeZone,
    ...(user.role === UserRole.Candidate
      ? { phone: user.phone, location: user.location, profileLink: user.profileLink }
      : { agencyMail: user.agencyMail }),
  };
}
