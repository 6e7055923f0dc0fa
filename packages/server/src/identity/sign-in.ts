import { PASSWORD_ATTEMPT_WINDOW_MS, type PasswordAttempts } from '../rooms/password-attempts.js';
import type { User } from '../store/users-repository.js';
import { OAuthError } from './oauth-error.js';
import type { UserService } from './users.js';

/**
 * Checks a user's email and password, counting the guess against the login and address so a password
 * cannot be found by trying (the token endpoint and the consent page share the count); undefined when
 * they do not match.
 */
export async function signIn(
  deps: { userService: Pick<UserService, 'verifyLogin'>; loginAttempts: PasswordAttempts },
  email: string,
  password: string,
  address: string,
): Promise<User | undefined> {
  const login = `login ${email.trim().toLowerCase()}`;
  if (!deps.loginAttempts.begin(login, address)) throw OAuthError.rateLimited(PASSWORD_ATTEMPT_WINDOW_MS / 1000);
  const user = await deps.userService.verifyLogin(email, password);
  if (user) deps.loginAttempts.succeeded(login, address);
  return user;
}
