/**
 * What other packages may use of the server: the `parley` CLI opens a server's database through these
 * to register accounts, users and applications, and tests and embedders build a server with them.
 */
export { buildApp } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { createServices, type Services, type ServiceOptions } from './services.js';
export { createApplication, type CreateApplicationOptions, type CreatedApplication } from './identity/applications.js';
export type { Application, Account } from './store/applications-repository.js';
export { createAccount } from './identity/accounts.js';
export { issueClientCredentials, type ClientCredentials } from './identity/oauth-clients.js';
export { UserService, type CreateUserOptions } from './identity/users.js';
export { deleteUser } from './rooms/user-removal.js';
export type { User, UserRole, UserJwtCredential } from './store/users-repository.js';
