import { useEffect, useMemo } from 'react';
import { changeLanguage, pickLanguage } from '../../base/i18n/i18n';
import { readUrlParams } from '../../base/url/params';
import { Loading } from '../../room-info/components/Loading';
import { RoomLoadError } from '../../room-info/components/RoomLoadError';
import { RoomUnavailable } from '../../room-info/components/RoomUnavailable';
import { useRoomInfo } from '../../room-info/useRoomInfo';
import { Session } from './Session';

export function App() {
  const params = useMemo(() => readUrlParams(window.location), []);
  const { state, retry } = useRoomInfo(params.meetingCode);

  // `lang=` wins; otherwise the room's configured language, otherwise the browser's.
  const roomLanguage = state.status === 'ready' ? state.info.language : null;
  useEffect(() => {
    if (!params.language && roomLanguage) changeLanguage(pickLanguage([roomLanguage]));
  }, [params.language, roomLanguage]);

  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'not_found':
    case 'unavailable':
      return <RoomUnavailable reason={state.status} />;
    case 'error':
      return <RoomLoadError onRetry={retry} />;
    case 'ready':
      return <Session info={state.info} params={params} />;
  }
}
