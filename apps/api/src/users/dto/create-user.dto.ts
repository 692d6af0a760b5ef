import { CreateUserRequest, UserRole } from '@heardback/contracts';
import { IsIn } from 'class-validator';
import { RegisterDto } from '../../auth/dto/credentials.dto';

export class CreateUserDto extends RegisterDto implements CreateUserRequest {
  @IsIn([UserRole.Recruiter, UserRole.Staff], { message: 'must be recruiter or staff' })
  role!: UserRole.Recruiter | UserRole.Staff;
}
