import type { Kysely, Selectable } from 'kysely';
import type { BridgesTable, BridgeType, Database } from './schema.js';

export interface BridgeRecord {
  roomId: string;
  accountId: string;
  ownerUserId: string;
  type: BridgeType;
  pstnHostPin: string;
  pstnParticipantPin: string;
  sealedSecrets: string | null;
  /** JSON, as the bridge domain writes it. */
  preferences: string;
  createdAt: string;
}

/** The bridge side of rooms that are RingCentral bridges. Deleted bridges are kept (their PINs stay used) but never returned. */
export class BridgesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(bridge: BridgeRecord): Promise<void> {
    await this.db
      .insertInto('bridges')
      .values({
        room_id: bridge.roomId,
        account_id: bridge.accountId,
        owner_user_id: bridge.ownerUserId,
        type: bridge.type,
        pstn_host_pin: bridge.pstnHostPin,
        pstn_participant_pin: bridge.pstnParticipantPin,
        sealed_secrets: bridge.sealedSecrets,
        preferences: bridge.preferences,
        created_at: bridge.createdAt,
      })
      .execute();
  }

  async findByRoomId(roomId: string): Promise<BridgeRecord | undefined> {
    const row = await this.existing().selectAll().where('room_id', '=', roomId).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The bridge whose host or participant PSTN PIN this is. */
  async findByPstnPin(pin: string): Promise<BridgeRecord | undefined> {
    const row = await this.existing()
      .selectAll()
      .where((eb) => eb.or([eb('pstn_host_pin', '=', pin), eb('pstn_participant_pin', '=', pin)]))
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async findDefault(ownerUserId: string): Promise<BridgeRecord | undefined> {
    const row = await this.existing().selectAll().where('owner_user_id', '=', ownerUserId).where('type', '=', 'PMI').executeTakeFirst();
    return row && fromRow(row);
  }

  /** Deleted bridges count: a PIN once handed out never opens another bridge. */
  async pstnPinExists(pin: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('bridges')
      .select('room_id')
      .where((eb) => eb.or([eb('pstn_host_pin', '=', pin), eb('pstn_participant_pin', '=', pin)]))
      .executeTakeFirst();
    return row !== undefined;
  }

  async update(roomId: string, changes: { sealedSecrets?: string | null; preferences?: string }): Promise<void> {
    const row: { sealed_secrets?: string | null; preferences?: string } = {};
    if (changes.sealedSecrets !== undefined) row.sealed_secrets = changes.sealedSecrets;
    if (changes.preferences !== undefined) row.preferences = changes.preferences;
    if (Object.keys(row).length > 0) await this.db.updateTable('bridges').set(row).where('room_id', '=', roomId).execute();
  }

  async markDeleted(roomId: string, deletedAt: string): Promise<void> {
    await this.db.updateTable('bridges').set({ deleted_at: deletedAt }).where('room_id', '=', roomId).where('deleted_at', 'is', null).execute();
  }

  async listByOwner(ownerUserId: string): Promise<BridgeRecord[]> {
    const rows = await this.existing().selectAll().where('owner_user_id', '=', ownerUserId).execute();
    return rows.map(fromRow);
  }

  private existing() {
    return this.db.selectFrom('bridges').where('deleted_at', 'is', null);
  }
}

function fromRow(row: Selectable<BridgesTable>): BridgeRecord {
  return {
    roomId: row.room_id,
    accountId: row.account_id,
    ownerUserId: row.owner_user_id,
    type: row.type,
    pstnHostPin: row.pstn_host_pin,
    pstnParticipantPin: row.pstn_participant_pin,
    sealedSecrets: row.sealed_secrets,
    preferences: row.preferences,
    createdAt: row.created_at,
  };
}
