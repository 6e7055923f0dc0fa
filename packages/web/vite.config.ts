import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The server serves dist/index.html at `/` and `/<meetingCode>`, and dist/assets at `/assets/*`,
// so every asset URL must be absolute from the site root.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // Workspace packages (@parley/client, @parley/protocol) resolve to their TypeScript sources.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
