import { UserRole } from './enums';

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  fullName: string;
  role: UserRole.Recruiter | UserRole.Staff;
}

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
}
