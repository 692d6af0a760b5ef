import { ApiError } from '@heardback/contracts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

function apiUrl(): string {
  const url = process.env['API_URL'];
  if (!url) throw new Error('API_URL is not set: the global setup did not start the API');
  return url;
}

const SESSION_COOKIE = 'hb_session';
const XSRF_COOKIE = 'XSRF-TOKEN';

/**
 * One browser-like caller: keeps the cookies it is given and, like Angular's HttpClient,
 * echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN header of state-changing requests.
 */
export class ApiSession {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly options: {
      sendXsrfHeader?: boolean;
      baseUrl?: string;
      /** Sent with every request, e.g. X-Forwarded-For to act as another client behind a trusted proxy. */
      headers?: Record<string, string>;
    } = {},
  ) {}

  private get sendsXsrfHeader(): boolean {
    return this.options.sendXsrfHeader ?? true;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const mutating = !['GET', 'HEAD'].includes(method);
    if (mutating && this.sendsXsrfHeader && !this.cookies.has(XSRF_COOKIE)) {
      await this.request('GET', '/api/health');
    }
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...extraHeaders };
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const xsrf = this.cookies.get(XSRF_COOKIE);
    if (mutating && this.sendsXsrfHeader && xsrf) headers['x-xsrf-token'] = xsrf;
    const response = await fetch(`${this.options.baseUrl ?? apiUrl()}${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair.split('=');
      if (value.join('=') === '') this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  /**
   * A request as a hostile client would send it: its own headers and raw body, with this
   * session's cookies, and the XSRF header only when asked for; `signal` hangs up mid-way.
   */
  async send(
    method: string,
    path: string,
    options: {
      headers?: Record<string, string>;
      body?: string | Uint8Array;
      xsrf?: boolean;
      signal?: AbortSignal;
    } = {},
  ): Promise<{ status: number; text: string; headers: Headers }> {
    if (!this.cookies.has(XSRF_COOKIE)) await this.request('GET', '/api/health');
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...options.headers };
    headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const xsrf = this.cookies.get(XSRF_COOKIE);
    if (options.xsrf && xsrf) headers['x-xsrf-token'] = xsrf;
    const body =
      typeof options.body === 'string' || options.body === undefined ? options.body : new Uint8Array(options.body);
    const response = await fetch(`${this.options.baseUrl ?? apiUrl()}${path}`, {
      method,
      headers,
      body,
      signal: options.signal,
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  /** `headers`: sent with this request only, such as an Idempotency-Key. */
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, undefined, headers);
  }

  put<T = unknown>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, undefined, headers);
  }

  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** The session cookie's value, e.g. to replay it after logout. */
  get sessionCookie(): string | null {
    return this.cookies.get(SESSION_COOKIE) ?? null;
  }

  set sessionCookie(value: string | null) {
    if (value === null) this.cookies.delete(SESSION_COOKIE);
    else this.cookies.set(SESSION_COOKIE, value);
  }
}

export function asError(response: ApiResponse): ApiError {
  return response.body as ApiError;
}
