import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';
import { Brand } from '../../theme/components/Brand';
import type { DisconnectReason } from '../../meeting/useRoom';

/** After the meeting: why it ended for this person, and the way back in when there is one. */
export function LeftScreen({ reason, onRejoin }: { reason: DisconnectReason; onRejoin: () => void }) {
  const { t } = useTranslation();
  const copy = {
    left: { icon: 'wave', title: t('left.leftTitle'), body: t('left.leftBody') },
    ended: { icon: 'clock', title: t('left.endedTitle'), body: t('left.endedBody') },
    expired: { icon: 'clock', title: t('left.expiredTitle'), body: t('left.expiredBody') },
    connection_lost: { icon: 'alert', title: t('left.connectionLostTitle'), body: t('left.connectionLostBody') },
    refused: { icon: 'alert', title: t('left.refusedTitle'), body: t('left.refusedBody') },
    reconnect_failed: { icon: 'alert', title: t('left.reconnectFailedTitle'), body: t('left.reconnectFailedBody') },
    ended_by_host: { icon: 'clock', title: t('moderation.left.endedByHostTitle'), body: t('moderation.left.endedByHostBody') },
    removed: { icon: 'alert', title: t('moderation.left.removedTitle'), body: t('moderation.left.removedBody') },
    blocked: { icon: 'alert', title: t('moderation.left.blockedTitle'), body: t('moderation.left.blockedBody') },
    webinar_ended: { icon: 'clock', title: t('webinar.endedTitle'), body: t('webinar.endedBody') },
  } as const;
  const { icon, title, body } = copy[reason] ?? copy.left;
  // An expired meeting cannot be entered again, nor can a blocked person enter it, nor an ended webinar's audience; everything else is worth a try.
  const canRejoin = reason !== 'expired' && reason !== 'blocked' && reason !== 'webinar_ended';
  return (
    <FullPageMessage
      testId="left-screen"
      data={{ 'data-reason': reason }}
      brand={<Brand surface="light" />}
      icon={icon}
      tone={reason === 'connection_lost' || reason === 'refused' || reason === 'reconnect_failed' || reason === 'removed' || reason === 'blocked' ? 'warning' : 'neutral'}
      title={title}
      body={body}
    >
      {canRejoin && (
        <button type="button" className="button button--primary" data-testid="rejoin-button" onClick={onRejoin} autoFocus>
          {t('left.rejoin')}
        </button>
      )}
    </FullPageMessage>
  );
}
