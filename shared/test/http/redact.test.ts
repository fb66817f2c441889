import { REDACTED, SecretRedactor, isSecretName, redactSecrets } from '@ecomail-bridge/shared';

const R = REDACTED;

describe('redactSecrets', () => {
  it('masks secret query parameters by name and keeps the others', () => {
    expect(redactSecrets('POST http://127.0.0.1:9/services/user/v3/refresh-tokens?refreshToken=opaque-ref-123&pageIndex=2')).toBe(
      `POST http://127.0.0.1:9/services/user/v3/refresh-tokens?refreshToken=${R}&pageIndex=2`,
    );
    expect(redactSecrets('https://h/webhook/1/ellity?event=x&key=s3cr3t-value&sha=5e1dabc&api_key=k1')).toBe(
      `https://h/webhook/1/ellity?event=x&key=${R}&sha=${R}&api_key=${R}`,
    );
  });

  it('masks secret fields in JSON, in JSON inside a string and in util.inspect output', () => {
    expect(redactSecrets('{"refresh_token":"abc-def-ghi","email":"a@example.cz"}')).toBe(`{"refresh_token":"${R}","email":"a@example.cz"}`);
    expect(redactSecrets('"{\\"apiSecret\\": \\"very-secret\\", \\"clientId\\": \\"c1\\"}"')).toBe(`"{\\"apiSecret\\": \\"${R}\\", \\"clientId\\": \\"c1\\"}"`);
    expect(redactSecrets("{ accessToken: 'opaque-access-1', user: 'x' }")).toBe(`{ accessToken: '${R}', user: 'x' }`);
  });

  it('masks header lines, Bearer tokens and JWT-shaped strings', () => {
    expect(redactSecrets('key: relkey-123456\nX-API-KEY: idosell-key\naccept: application/json')).toBe(`key: ${R}\nX-API-KEY: ${R}\naccept: application/json`);
    expect(redactSecrets('sent with Bearer opaque.token-1, then failed')).toBe(`sent with Bearer ${R}, then failed`);
    expect(redactSecrets('token eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiI0MiJ9.c2ln refused')).toBe(`token ${R} refused`);
  });

  it('masks known values anywhere, also URL-encoded, but not short ones', () => {
    expect(redactSecrets('echo: my key+/= and my%20key%2B%2F%3D', ['my key+/='])).toBe(`echo: ${R} and ${R}`);
    expect(redactSecrets('abc stays', ['abc'])).toBe('abc stays');
  });

  it('masks the auth fields of a SALESmanago v2 body, as JSON and as util.inspect prints it, and keeps the rest', () => {
    const body = '{"clientId":"c1","apiKey":"k-7f2c-chosen","requestTime":1772360000000,"sha":"5e1dabc0ff","owner":"o@shop.example","apiSecret":"s3cr3t-x"}';
    expect(redactSecrets(body)).toBe(`{"clientId":"c1","apiKey":"${R}","requestTime":1772360000000,"sha":"${R}","owner":"o@shop.example","apiSecret":"${R}"}`);
    expect(redactSecrets("{ apiKey: 'k-7f2c-chosen', sha: '5e1dabc0ff', api_secret: 's3cr3t-x' }")).toBe(`{ apiKey: '${R}', sha: '${R}', api_secret: '${R}' }`);
  });

  it('names secret parameters case-insensitively', () => {
    expect(['refreshToken', 'REFRESH_TOKEN', 'X-Api-Key', 'sha', 'key'].map(isSecretName)).toEqual([true, true, true, true, true]);
    expect(['pageIndex', 'email', 'saleIds'].map(isSecretName)).toEqual([false, false, false]);
  });
});

describe('SecretRedactor', () => {
  it('masks every value added during a run', () => {
    const redactor = new SecretRedactor();
    redactor.add('first-opaque-secret');
    redactor.add('  second-opaque-secret ');
    redactor.add('short');
    expect(redactor.apply('first-opaque-secret / second-opaque-secret / short')).toBe(`${R} / ${R} / short`);
  });
});
