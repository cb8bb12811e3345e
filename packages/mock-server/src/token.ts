// Test credentials: the API token the mock accepts and a MiniMax JWT for `POST /accounts`.

/** A valid useapi.net API token for the mock (`user:<digits>-<alphanumerics>`); send it as `Bearer`. */
export const MOCK_TOKEN = 'user:12345-useapiMiniMaxMockToken';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A MiniMax-shaped JWT whose `user.id` is `account`, accepted by the mock's `POST /accounts` (unsigned). */
export function createAccountJwt(account: string, options: { expiresAt?: number; issuedAt?: number; name?: string } = {}): string {
  const iat = options.issuedAt ?? Date.UTC(2026, 7, 1);
  const exp = options.expiresAt ?? Date.UTC(2027, 0, 1);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ user: { id: account, name: options.name ?? 'mock user', deviceID: '1' }, iat: iat / 1000, exp: exp / 1000 }));
  return `${header}.${payload}.mock-signature`;
}
