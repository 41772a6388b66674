// Waldur's TokenAuthentication, message for message (contract.md §5), and the test hooks that
// expire or rotate a user's token.
import type { Db, UserRecord } from './db';
import { notAuthenticated } from './responses';

export function authenticate(db: Db, expiredTokens: Set<string>, request: Request): UserRecord {
  const header = request.headers.get('authorization');
  const parts = header?.trim().split(/\s+/) ?? [];
  if (parts.length === 0 || parts[0]!.toLowerCase() !== 'token') {
    throw notAuthenticated('Authentication credentials were not provided.');
  }
  if (parts.length === 1) throw notAuthenticated('Invalid token. No credentials provided.');
  if (parts.length > 2)
    throw notAuthenticated('Invalid token. Token string should not contain spaces.');
  const token = parts[1]!;
  const user = db.users.find((u) => u.token === token);
  if (!user) throw notAuthenticated('Invalid token.');
  if (!user.is_active) throw notAuthenticated('User inactive or deleted.');
  if (expiredTokens.has(token)) throw notAuthenticated('Token has expired.');
  return user;
}

/** A new key for the user, derived from the old one (deterministic for tests). */
export function rotatedToken(token: string) {
  return `${token.slice(20)}${token.slice(0, 20)}`.split('').reverse().join('');
}
