import type { Bridge, BridgePreferences } from '../../rooms/bridge.js';

/** `BridgeResponse` (spec §3.2.1). */
export interface BridgeResponse {
  id: string;
  name: string;
  type: Bridge['type'];
  host: { accountId: string; extensionId: string };
  pins: { pstn: { host: string; participant: string }; web: string };
  security: {
    passwordProtected: boolean;
    password?: { plainText: string; pstn: string; joinQuery: string };
    noGuests: boolean;
    sameAccount: boolean;
    e2ee: boolean;
  };
  preferences: BridgePreferences;
  discovery: { web: string };
}

export interface BridgePresentation {
  /** The owner or a Super Admin: the passwords are shown, and the join URL carries `?pw=`. */
  privileged: boolean;
  /** The bridge's page (the room's guest URL). */
  guestUrl: string;
  /** Its password as a link carries it; undefined when it has none. */
  joinQuery: string | undefined;
  /** The caller gave the bridge's join query (`?pw=`): they may have the link that carries it. */
  knowsJoinQuery: boolean;
}

/**
 * The bridge as RingCentral shows it. The passwords are only for the owner and Super Admins; the join
 * URL carries `?pw=` for them and for whoever already gave it.
 */
export function bridgeResponseOf(bridge: Bridge, presentation: BridgePresentation): BridgeResponse {
  const { passwords } = bridge.security;
  const { joinQuery } = presentation;
  const showJoinQuery = joinQuery !== undefined && (presentation.privileged || presentation.knowsJoinQuery);
  return {
    id: bridge.id,
    name: bridge.name,
    type: bridge.type,
    host: { accountId: bridge.accountId, extensionId: bridge.ownerUserId },
    pins: { pstn: { ...bridge.pins.pstn }, web: bridge.pins.web },
    security: {
      passwordProtected: bridge.security.passwordProtected,
      ...(presentation.privileged && passwords && joinQuery !== undefined ? { password: { plainText: passwords.plainText, pstn: passwords.pstn, joinQuery } } : {}),
      noGuests: bridge.security.noGuests,
      sameAccount: bridge.security.sameAccount,
      e2ee: bridge.security.e2ee,
    },
    preferences: bridge.preferences,
    discovery: { web: showJoinQuery ? `${presentation.guestUrl}?pw=${joinQuery}` : presentation.guestUrl },
  };
}
