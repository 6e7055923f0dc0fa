import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';
import { Brand } from '../../theme/components/Brand';

/** The friendly dead end: no such meeting, or a meeting that can no longer be joined. */
export function RoomUnavailable({ reason }: { reason: 'not_found' | 'unavailable' }) {
  const { t } = useTranslation();
  const brand = <Brand surface="light" />;
  return reason === 'not_found' ? (
    <FullPageMessage testId="room-unavailable" data={{ 'data-reason': reason }} brand={brand} icon="search" title={t('roomInfo.notFoundTitle')} body={t('roomInfo.notFoundBody')} />
  ) : (
    <FullPageMessage testId="room-unavailable" data={{ 'data-reason': reason }} brand={brand} icon="clock" title={t('roomInfo.unavailableTitle')} body={t('roomInfo.unavailableBody')} />
  );
}
