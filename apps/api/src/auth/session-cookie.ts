import { sessionCookieName } from '@heardback/contracts';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { IssuedSession } from './session.service';

/** The session cookie: http-only, SameSite=Lax, and `__Host-`-prefixed and Secure over HTTPS. */
export class SessionCookie {
  constructor(private readonly config: Pick<AppConfig, 'secureCookies'>) {}

  get name(): string {
    return sessionCookieName(this.config.secureCookies);
  }

  read(request: Request): string | null {
    const value: unknown = request.cookies?.[this.name];
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  set(response: Response, session: IssuedSession): void {
    response.cookie(this.name, session.token, { ...this.options(), expires: session.expiresAt });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, this.options());
  }

  private options(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' };
  }
}
