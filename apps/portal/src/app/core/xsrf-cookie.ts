import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { HttpXsrfTokenExtractor } from '@angular/common/http';
import { xsrfCookieName } from '@heardback/contracts';

/**
 * The XSRF token the API set: `__Host-XSRF-TOKEN` when it runs over HTTPS (and on localhost in
 * production mode, which browsers treat as secure), `XSRF-TOKEN` over plain HTTP in development.
 */
@Injectable()
export class XsrfCookieExtractor implements HttpXsrfTokenExtractor {
  private readonly document = inject(DOCUMENT);
  private readonly names = [xsrfCookieName(true), xsrfCookieName(false)];

  getToken(): string | null {
    const cookies = new Map(
      this.document.cookie
        .split(';')
        .map((pair) => pair.trim().split('='))
        .filter(([name]) => name)
        .map(([name, ...value]) => [name, decodeURIComponent(value.join('='))]),
    );
    for (const name of this.names) {
      const token = cookies.get(name);
      if (token) return token;
    }
    return null;
  }
}
