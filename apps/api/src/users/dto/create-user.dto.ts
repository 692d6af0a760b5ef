import { PickType } from '@nestjs/swagger';
import { CreateUserRequest, UserRole } from '@heardback/contracts';
import { IsIn } from 'class-validator';
import { RegisterDto } from '../../auth/dto/credentials.dto';

/**
 * Staff invite an agency person by address and name, checked as registering checks them; there is no
 * password, which the person chooses from the invitation's link (ADR 0082).
 */
export class CreateUserDto extends PickType(RegisterDto, ['email', 'fullName'] as const) implements CreateUserRequest {
  @IsIn([UserRole.Recruiter, UserRole.Staff], { message: 'must be recruiter or staff' })
  role!: UserRole.Recruiter | UserRole.Staff;
}
