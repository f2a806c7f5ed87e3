import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/** Where `npx vite --config web/vite.config.ts` sends /api and /docs; the server listens on 127.0.0.1:3000 by default. */
const api = process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000';

const VENDORS: Array<[string, RegExp]> = [
  ['react', /node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|@remix-run)\//],
  ['mantine', /node_modules\/@mantine\//],
  ['icons', /node_modules\/@tabler\//],
  ['phone', /node_modules\/libphonenumber-js\//],
];

function vendorChunk(id: string): string | undefined {
  return VENDORS.find(([, re]) => re.test(id))?.[0];
}

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries change less often than our code: their own chunks stay cached across our releases.
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
  server: { proxy: { '/api': { target: api, ws: true }, '/docs': api } },
});
