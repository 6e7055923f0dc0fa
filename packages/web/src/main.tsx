import { createRoot } from 'react-dom/client';
import { App } from './features/app/components/App';
import { initI18n, pickLanguage } from './features/base/i18n/i18n';
import { readUrlParams } from './features/base/url/params';
import './features/base/ui/base.css';

const { language } = readUrlParams(window.location);

// No <StrictMode>: its double-run effects would join the meeting twice in development.
void initI18n(pickLanguage([language])).then(() => {
  createRoot(document.getElementById('root')!).render(<App />);
});
