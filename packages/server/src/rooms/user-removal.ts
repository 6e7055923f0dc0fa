import { UserService } from '../identity/users.js';
import type { Services } from '../services.js';
import { BridgeService } from './bridge-service.js';

/**
 * Deletes a user and, with them, their bridges (RingCentral deletes a user's default bridge only with
 * the user): the rooms go as any deleted room does, their meetings stay in the account's history.
 * Their tokens and JWT credentials stop working, as they name a user who no longer exists.
 */
export async function deleteUser(services: Services, userId: string): Promise<void> {
  const users = new UserService(services);
  const user = await users.get(userId);
  await new BridgeService({ ...services, db: services.store.db }).deleteAllOwnedBy(user);
  await users.delete(userId);
}
