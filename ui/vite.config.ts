// The production build goes to dist/, which src-tauri embeds (tauri.conf.json frontendDist).
// Only index.html is built: the e2e harness page is served by the dev server for tests only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: '127.0.0.1', fs: { allow: ['..'] } },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: false },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
