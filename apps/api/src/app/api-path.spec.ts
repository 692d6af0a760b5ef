import { isApiPath, pathOf } from './api-path';

describe('pathOf', () => {
  it('is the path without its query', () => {
    expect(pathOf('/api/jobs?q=node&cursor=abc')).toBe('/api/jobs');
    expect(pathOf('/')).toBe('/');
  });

  it('decodes the path as the router does, so an encoded spelling of the API is the API', () => {
    expect(pathOf('/%61pi/auth/session')).toBe('/api/auth/session');
    expect(isApiPath(pathOf('/%41PI/me/documents'))).toBe(true);
    expect(isApiPath(pathOf('/ap%69/me'))).toBe(true);
  });

  it('drops the scheme and host of an absolute-form request line', () => {
    expect(pathOf('http://example.test/api/me/documents?x=1')).toBe('/api/me/documents');
    expect(pathOf('https://example.test')).toBe('/');
  });

  it('leaves a malformed escape as it came', () => {
    expect(pathOf('/api/jobs/%E0%A4%A')).toBe('/api/jobs/%E0%A4%A');
  });
});
