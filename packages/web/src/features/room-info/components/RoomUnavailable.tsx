import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';

/** The friendly dead end: no such meeting, or a meeting that can no longer be joined. */
export function RoomUnavailable({ reason }: { reason: 'not_found' | 'unavailable' }) {
  const { t } = useTranslation();
  return reason === 'not_found' ? (
    <FullPageMessage testId="room-unavailable" data={{ 'data-reason': reason }} icon="search" title={t('roomInfo.notFoundTitle')} body={t('roomInfo.notFoundBody')} />
  ) : (
    <FullPageMessage testId="room-unavailable" data={{ 'data-reason': reason }} icon="clock" title={t('roomInfo.unavailableTitle')} body={t('roomInfo.unavailableBody')} />
  );
}
