import type { PublicTheme } from '@parley/protocol';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, pickLanguage } from '../../base/i18n/i18n';
import { readUrlParams, type UrlParams } from '../../base/url/params';
import { Loading } from '../../room-info/components/Loading';
import { RoomLoadError } from '../../room-info/components/RoomLoadError';
import { RoomUnavailable } from '../../room-info/components/RoomUnavailable';
import { useRoomInfo, type RoomInfoState } from '../../room-info/useRoomInfo';
import { brandTextOf } from '../../theme/functions';
import { ThemeContext } from '../../theme/ThemeContext';
import { useTheme } from '../../theme/useTheme';
import { Session } from './Session';

export function App() {
  const { t } = useTranslation();
  const params = useMemo(() => readUrlParams(window.location), []);
  const { state, retry } = useRoomInfo(params.meetingCode, params.company);

  // `lang=` wins; otherwise the room's configured language, otherwise the browser's.
  const roomLanguage = state.status === 'ready' ? state.info.language : null;
  useEffect(() => {
    if (!params.language && roomLanguage) changeLanguage(pickLanguage([roomLanguage]));
  }, [params.language, roomLanguage]);

  // Every screen of a known room, the meeting and the dead ends alike, wears its theme.
  const theme = themeOf(state);
  useTheme(theme);
  const brand = brandTextOf(theme) ?? t('app.name');
  const roomName = state.status === 'ready' ? state.info.displayName : null;
  useEffect(() => {
    document.title = roomName === null ? brand : t('app.documentTitle', { room: roomName, brand });
  }, [t, roomName, brand]);

  return <ThemeContext.Provider value={theme}>{screenOf(state, retry, params)}</ThemeContext.Provider>;
}

function themeOf(state: RoomInfoState): PublicTheme | null {
  if (state.status === 'ready') return state.info.theme;
  if (state.status === 'unavailable') return state.theme;
  return null;
}

function screenOf(state: RoomInfoState, retry: () => void, params: UrlParams) {
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'not_found':
      return <RoomUnavailable reason="not_found" />;
    case 'unavailable':
      return <RoomUnavailable reason="unavailable" />;
    case 'error':
      return <RoomLoadError onRetry={retry} />;
    case 'ready':
      return <Session info={state.info} params={params} />;
  }
}
