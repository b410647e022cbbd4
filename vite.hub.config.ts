import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The reference hub page: a small DOM app of its own, built next to the library as dist/dev-hub and served by startDevHub.
export default defineConfig({
  root: fileURLToPath(new URL('./src/dev/hub', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist/dev-hub', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
  },
})
