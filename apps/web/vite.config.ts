import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:3000';

// What the API serves; the dev and preview servers hand it over so the app runs on one origin.
const proxy = {
  '/api': api,
  '/widget.js': api,
  '/embed': api,
  '/badge': api,
  '/socket.io': { target: api, ws: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages expose their TypeScript source under the "source" condition.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    manifest: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy,
  },
  preview: {
    proxy,
  },
});
