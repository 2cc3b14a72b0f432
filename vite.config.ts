import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.INTERDICT_API_URL ?? 'http://127.0.0.1:8080';
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

// The officers' web UI: sources in web/, built into dist/web, which the server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
