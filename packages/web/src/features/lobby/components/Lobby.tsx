import { useTranslation } from 'react-i18next';
import { noticeText } from '../functions';
import { unseenGuests } from '../state';
import type { Lobby as LobbyModel } from '../useLobby';
import { LobbyNotice } from './LobbyNotice';
import { LobbyPanel } from './LobbyPanel';
import '../lobby.css';

/**
 * A moderator's waiting room over the meeting: the list when open, otherwise a notice when someone
 * new waits. A live region, always present, tells screen readers of arrivals.
 */
export function Lobby({ lobby }: { lobby: LobbyModel }) {
  const { t } = useTranslation();
  const unseen = unseenGuests(lobby);
  const showNotice = !lobby.open && unseen.length > 0;
  return (
    <>
      <div className="visually-hidden" role="status" data-testid="lobby-announcement">
        {showNotice ? noticeText(t, unseen) : ''}
      </div>
      {lobby.open ? (
        <LobbyPanel waiting={lobby.waiting} onAdmit={lobby.admit} onDeny={lobby.deny} onClose={() => lobby.setOpen(false)} />
      ) : (
        showNotice && <LobbyNotice guests={unseen} onAdmit={lobby.admit} onView={() => lobby.setOpen(true)} onDismiss={lobby.dismiss} />
      )}
    </>
  );
}
