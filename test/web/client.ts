// A cookie-keeping client over app.inject for dashboard route tests: it reads the CSRF token
// from the pages it loads, as a browser submitting the form would.
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../helpers/server.ts';

export const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery' };

export function startWebApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ SHIPDOCK_ADMIN_EMAIL: ADMIN.email, SHIPDOCK_ADMIN_PASSWORD: ADMIN.password, ...env });
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  private token: string | null = null;

  constructor(readonly t: TestApp) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.t.app.inject({
      method,
      url,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, encodeURIComponent(c.value)); // as the browser got it, still encoded
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (match) this.token = match[1];
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  /** A form post carrying the CSRF token of the last page loaded (loading the sign-in page first if none). */
  async post(url: string, form: Record<string, string> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf === false) return this.request('POST', url, form);
    if (!this.token) await this.get(this.cookies.has('shipdock_session') ? '/app/settings/password' : '/app/login');
    return this.request('POST', url, { _csrf: this.token!, ...form });
  }

  async signIn(email = ADMIN.email, password = ADMIN.password) {
    await this.get('/app/login');
    const response = await this.post('/app/login', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
    return response;
  }

  /** Sign-up, then the verification link from the sandbox outbox. */
  async signUp(email: string, password = 'sign-up-password', options: { verify?: boolean } = {}) {
    await this.get('/app/signup');
    const response = await this.post('/app/signup', { email, password, password_confirm: password, company: 'Test Co' });
    if (response.statusCode !== 303) throw new Error(`sign-up failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (options.verify !== false) {
      const outbox = await this.get('/app/outbox');
      const link = /href="(\/app\/verify\?token=[^"]+)"/.exec(outbox.body)?.[1];
      if (!link) throw new Error('no verification link in the outbox');
      await this.get(link.replace(/&amp;/g, '&'));
    }
    return response;
  }

  async accountId(): Promise<number> {
    const { hashKey } = await import('../../src/domain/accounts/secrets.ts');
    const row = await this.t.ctx.database.db
      .selectFrom('web_sessions')
      .select('account_id')
      .where('token_hash', '=', hashKey(this.cookies.get('shipdock_session') ?? ''))
      .executeTakeFirstOrThrow();
    return row.account_id;
  }
}

/** Every page behind sign-in sends a signed-out visitor to the sign-in page. */
export async function assertRedirectsToSignIn(t: TestApp, url: string, method: 'GET' | 'POST' = 'GET') {
  const anonymous = new WebClient(t);
  const response = method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, {});
  if (response.statusCode !== 303 || !String(response.headers.location).startsWith('/app/login')) {
    throw new Error(`${method} ${url} answered ${response.statusCode} ${response.headers.location ?? ''} to a signed-out visitor`);
  }
}
