import type { ParticipantInfo } from '@parley/protocol';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../base/avatar/Avatar';
import { Icon } from '../../base/ui/Icon';
import type { ModerationAction } from '../../moderation/functions';
import { ParticipantMenu } from './ParticipantMenu';

interface Props {
  participant: ParticipantInfo;
  isSelf: boolean;
  handPosition: number | undefined;
  /** What the viewer may do to this participant; none for guests. */
  actions: readonly ModerationAction[];
  onAction: (action: ModerationAction) => void;
}

/**
 * One person in the participants panel: who they are, their role, hand, microphone and camera. For a
 * moderator the microphone is also the quickest action (mute, or ask to unmute); the rest is in a menu.
 */
export function ParticipantRow({ participant, isSelf, handPosition, actions, onAction }: Props) {
  const { t } = useTranslation();
  const { displayName, role, audioMuted, videoMuted, moderated } = participant;
  const micAction = actions.find((a) => a === 'mute' || a === 'askToUnmute');
  const micLabel = moderated.audio ? t('participants.microphoneStopped') : audioMuted ? t('participants.microphoneOff') : t('participants.microphoneOn');
  const cameraLabel = moderated.video ? t('participants.cameraStopped') : videoMuted ? t('participants.cameraOff') : t('participants.cameraOn');
  const micIcon = <Icon name={audioMuted ? 'microphoneOff' : 'microphone'} size={18} />;
  const micState = moderated.audio ? 'stopped' : audioMuted ? 'off' : 'on';

  return (
    <li className="participant-row" data-testid="participant-row" data-participant-id={participant.id} data-participant-name={displayName} data-role={role}>
      <Avatar name={displayName} colorKey={participant.id} size="small" />
      <div className="participant-row__who">
        <span className="participant-row__name">
          {displayName}
          {isSelf && <span className="participant-row__you"> ({t('participants.you')})</span>}
        </span>
        <span className="participant-row__role" data-testid="participant-role">
          {t(`participants.roles.${role}`)}
        </span>
      </div>
      <div className="participant-row__status">
        {handPosition !== undefined && (
          <span className="participant-row__hand" role="img" aria-label={t('hands.badge', { position: handPosition })} title={t('hands.badge', { position: handPosition })}>
            <Icon name="hand" size={16} />
            {handPosition}
          </span>
        )}
        <span className="participant-row__media" data-state={videoMuted ? (moderated.video ? 'stopped' : 'off') : 'on'} role="img" aria-label={cameraLabel} title={cameraLabel} data-testid="participant-camera">
          <Icon name={videoMuted ? 'cameraOff' : 'camera'} size={18} />
        </span>
        {micAction ? (
          <button
            type="button"
            className="participant-row__action participant-row__media"
            data-state={micState}
            data-testid="participant-microphone"
            data-action={micAction}
            aria-label={micAction === 'mute' ? t('moderation.muteName', { name: displayName }) : t('moderation.askToUnmuteName', { name: displayName })}
            title={`${micLabel} · ${micAction === 'mute' ? t('moderation.muteName', { name: displayName }) : t('moderation.askToUnmuteName', { name: displayName })}`}
            onClick={() => onAction(micAction)}
          >
            {micIcon}
          </button>
        ) : (
          <span className="participant-row__media" data-state={micState} data-testid="participant-microphone" role="img" aria-label={micLabel} title={micLabel}>
            {micIcon}
          </span>
        )}
        {actions.length > 0 && <ParticipantMenu name={displayName} actions={actions} onSelect={onAction} />}
      </div>
    </li>
  );
}
