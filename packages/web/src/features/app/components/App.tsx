import type { PublicTheme } from '@parley/protocol';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, hasTranslation, pickLanguage } from '../../base/i18n/i18n';
import { readUrlParams, type UrlParams } from '../../base/url/params';
import { Loading } from '../../room-info/components/Loading';
import { RoomLoadError } from '../../room-info/components/RoomLoadError';
import { RoomUnavailable } from '../../room-info/components/RoomUnavailable';
import { useRoomInfo, type RoomInfoState } from '../../room-info/useRoomInfo';
import { RoomFeaturesProvider } from '../../room-settings/components/RoomFeaturesProvider';
import { NO_ROOM_FEATURES } from '../../room-settings/RoomFeaturesContext';
import { brandTextOf } from '../../theme/functions';
import { ThemeContext } from '../../theme/ThemeContext';
import { useTheme } from '../../theme/useTheme';
import { Session } from './Session';

export function App() {
  const { t } = useTranslation();
  const params = useMemo(() => readUrlParams(window.location), []);
  const { state, retry } = useRoomInfo(params.meetingCode, params.company);

  // `lang=` wins when the page speaks it; otherwise the room's language (`ui_settings.language`, which
  // is always set: the API turns `default` into English). Only screens without a room, such as "not
  // found", fall back to the browser's language. Runs once per room, so a choice made in the switcher sticks.
  const roomLanguage = state.status === 'ready' ? state.info.language : null;
  const urlLanguageWins = hasTranslation(params.language);
  // Before paint, so a room's first screen never flashes in the language of the loading screen.
  useLayoutEffect(() => {
    if (!urlLanguageWins && roomLanguage) changeLanguage(pickLanguage([roomLanguage]));
  }, [urlLanguageWins, roomLanguage]);
  const features = state.status === 'ready' ? state.info.features : NO_ROOM_FEATURES;

  // Every screen of a known room, the meeting and the dead ends alike, wears its theme.
  const theme = themeOf(state);
  useTheme(theme);
  const brand = brandTextOf(theme) ?? t('app.name');
  const roomName = state.status === 'ready' ? state.info.displayName : null;
  useEffect(() => {
    document.title = roomName === null ? brand : t('app.documentTitle', { room: roomName, brand });
  }, [t, roomName, brand]);

  return (
    <ThemeContext.Provider value={theme}>
      <RoomFeaturesProvider features={features}>{screenOf(state, retry, params)}</RoomFeaturesProvider>
    </ThemeContext.Provider>
  );
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
