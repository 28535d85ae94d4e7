// The dashboard's build: Preact components, bundled by Vite into dist/web, which the API serves at /.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  // `npm run web:dev` proxies the API of a running `npm start`, for working on the dashboard with reloads.
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
