import { canModerate, type ParticipantInfo, type RaisedHand } from '@parley/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { SidePanel } from '../../base/ui/SidePanel';
import { ConfirmDialog } from '../../moderation/components/ConfirmDialog';
import { isDrastic, moderationActions, type ModerationAction } from '../../moderation/functions';
import { matchesSearch, orderParticipants } from '../functions';
import { ParticipantRow } from './ParticipantRow';
import '../participants.css';

interface Props {
  self: ParticipantInfo;
  others: readonly ParticipantInfo[];
  /** First raised first. */
  hands: readonly RaisedHand[];
  handPositions: ReadonlyMap<string, number>;
  onModerate: (action: ModerationAction, target: ParticipantInfo) => void;
  onLowerOwnHand: () => void;
  onMuteEveryone: () => void;
  onEndMeeting: () => void;
  onClose: () => void;
}

interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  run: () => void;
}

/**
 * Everyone in the meeting, with role, hand, microphone and camera; the queue of raised hands in order;
 * a search for large rooms; and, for hosts and co-hosts, the controls. Removing someone, muting
 * everyone and ending the meeting are confirmed first.
 */
export function ParticipantsPanel({ self, others, hands, handPositions, onModerate, onLowerOwnHand, onMuteEveryone, onEndMeeting, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const id = useId();
  const everyone = orderParticipants(self, others, i18n.language);
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const shown = everyone.filter((p) => matchesSearch(p.displayName, query));
  const moderator = canModerate(self.role);

  const act = (action: ModerationAction, target: ParticipantInfo) => {
    if (!isDrastic(action)) {
      onModerate(action, target);
      return;
    }
    const name = target.displayName;
    setConfirmation(
      action === 'block'
        ? { title: t('moderation.confirm.blockTitle', { name }), body: t('moderation.confirm.blockBody'), confirmLabel: t('moderation.confirm.blockAction'), run: () => onModerate(action, target) }
        : { title: t('moderation.confirm.removeTitle', { name }), body: t('moderation.confirm.removeBody'), confirmLabel: t('moderation.confirm.removeAction'), run: () => onModerate(action, target) },
    );
  };

  return (
    <SidePanel id="participants-panel" testId="participants-panel" title={t('participants.title')} closeLabel={t('participants.close')} closeTestId="participants-close" onClose={onClose}>
      <div className="participants-panel__search">
        <Icon name="search" size={18} />
        <input
          type="search"
          className="participants-panel__search-input"
          data-testid="participants-search"
          aria-label={t('participants.search')}
          placeholder={t('participants.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>

      <div className="participants-panel__body">
        {hands.length > 0 && (
          <section className="participants-panel__section" aria-labelledby={`${id}-hands`} data-testid="raised-hands">
            <h3 className="participants-panel__heading" id={`${id}-hands`}>
              <span>{t('hands.queueTitle')}</span>
              <span className="participants-panel__count">{hands.length}</span>
            </h3>
            <ol className="participants-panel__list">
              {hands.map((hand, index) => {
                const person = byId.get(hand.participantId);
                if (!person) return null;
                const own = person.id === self.id;
                return (
                  <li key={hand.participantId} className="hand-row" data-testid="raised-hand" data-participant-id={hand.participantId} data-participant-name={person.displayName}>
                    <span className="hand-row__position" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="hand-row__name">
                      <span className="visually-hidden">{t('hands.badge', { position: index + 1 })}: </span>
                      {person.displayName}
                      {own && <span className="participant-row__you"> ({t('participants.you')})</span>}
                    </span>
                    {(own || moderator) && (
                      <button
                        type="button"
                        className="button button--secondary hand-row__lower"
                        data-testid="lower-hand"
                        aria-label={own ? t('hands.lower') : t('hands.lowerFor', { name: person.displayName })}
                        onClick={() => (own ? onLowerOwnHand() : onModerate('lowerHand', person))}
                      >
                        {t('hands.lowerShort')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        )}

        <section className="participants-panel__section" aria-labelledby={`${id}-everyone`}>
          <h3 className="participants-panel__heading" id={`${id}-everyone`}>
            <span>{t('participants.inMeeting')}</span>
            <span className="participants-panel__count">{everyone.length}</span>
          </h3>
          <ul className="participants-panel__list" data-testid="participants-list">
            {shown.map((participant) => (
              <ParticipantRow
                key={participant.id}
                participant={participant}
                isSelf={participant.id === self.id}
                handPosition={handPositions.get(participant.id)}
                actions={moderationActions(self, participant, handPositions.has(participant.id))}
                onAction={(action) => act(action, participant)}
              />
            ))}
          </ul>
          {shown.length === 0 && (
            <p className="participants-panel__empty" data-testid="participants-no-match">
              {t('participants.noMatch', { query: query.trim() })}
            </p>
          )}
        </section>
      </div>

      {moderator && (
        <footer className="participants-panel__footer">
          <button
            type="button"
            className="button button--secondary"
            data-testid="mute-everyone"
            onClick={() =>
              setConfirmation({
                title: t('moderation.confirm.muteEveryoneTitle'),
                body: t('moderation.confirm.muteEveryoneBody'),
                confirmLabel: t('moderation.muteEveryone'),
                run: onMuteEveryone,
              })
            }
          >
            <Icon name="microphoneOff" size={18} />
            {t('moderation.muteEveryone')}
          </button>
          {self.role === 'host' && (
            <button
              type="button"
              className="button button--danger"
              data-testid="end-meeting"
              onClick={() =>
                setConfirmation({ title: t('moderation.confirm.endTitle'), body: t('moderation.confirm.endBody'), confirmLabel: t('moderation.confirm.endAction'), run: onEndMeeting })
              }
            >
              {t('moderation.endForAll')}
            </button>
          )}
        </footer>
      )}

      {confirmation && (
        <ConfirmDialog
          title={confirmation.title}
          body={confirmation.body}
          confirmLabel={confirmation.confirmLabel}
          onCancel={() => setConfirmation(null)}
          onConfirm={() => {
            setConfirmation(null);
            confirmation.run();
          }}
        />
      )}
    </SidePanel>
  );
}
