import { sessionCookieName } from '@heardback/contracts';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { IssuedSession } from './session.service';

/** The session cookie: http-only, SameSite=Lax, and `__Host-`-prefixed and Secure over HTTPS. */
export class SessionCookie {
  constructor(private readonly config: Pick<AppConfig, 'secureCookies'>) {}

  get name(): string {
    return sessionCookieName(this.config.secureCookies);
  }

  read(request: FastifyRequest): string | null {
    const value: unknown = request.cookies?.[this.name];
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  set(reply: FastifyReply, session: IssuedSession): void {
    reply.setCookie(this.name, session.token, { ...this.options(), expires: session.expiresAt });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.options());
  }

  private options(): CookieSerializeOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' };
  }
}
