import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { helmetOptions, securityHeaders } from './security-headers';

/** What helmet itself sets on a real Node response, for comparison. */
function helmetOnARealResponse(production: boolean): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  response.setHeader('X-Powered-By', 'Express');
  helmet(helmetOptions({ production }))(request, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

describe('securityHeaders', () => {
  it.each([true, false])('are exactly the headers helmet sets on a response (production: %s)', (production) => {
    expect(securityHeaders({ production })).toEqual(helmetOnARealResponse(production));
  });

  it('carry the portal policy, framing refused, and HSTS only in production', () => {
    const production = securityHeaders({ production: true });
    expect(production['content-security-policy']).toContain("script-src 'self'");
    expect(production['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(production['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(production['x-frame-options']).toBe('DENY');
    expect(production['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const development = securityHeaders({ production: false });
    expect(development['strict-transport-security']).toBeUndefined();
    expect(development['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
