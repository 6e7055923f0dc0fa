import type { Moderation } from '../useModeration';
import { Notices } from './Notices';
import { UnmuteRequests } from './UnmuteRequests';
import '../moderation.css';

/** What moderators' actions show this person over the stage: requests to answer first, then notices. */
export function ModerationOverlays({ moderation }: { moderation: Moderation }) {
  return (
    <div className="meeting-overlays">
      <UnmuteRequests requests={moderation.unmuteRequests} onAccept={moderation.acceptUnmuteRequest} onDecline={moderation.declineUnmuteRequest} />
      <Notices notices={moderation.notices} onDismiss={moderation.dismissNotice} />
    </div>
  );
}
