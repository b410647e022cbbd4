import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Library build: one ESM file per entry, React and every dependency of the server/dev entries external.
const entries = {
  index: 'src/index.ts',
  session: 'src/session/index.ts',
  protocol: 'src/protocol/index.ts',
  server: 'src/server/index.ts',
  dev: 'src/dev/index.ts',
  stackone: 'src/stackone/index.ts',
  testing: 'src/testing/index.ts',
}

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^zod($|\/)/, /^node:/, /^@stackone\//],
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The zod schema gets a chunk of its own: the launcher imports it lazily, and a page that only
        // shows a button must be able to drop it. Everything the launcher needs at once stays apart.
        codeSplitting: {
          groups: [
            { name: 'core', test: /src\/(errors|json|protocol\/(hubApi|limits)|session\/(fields|categories))\.ts$/, priority: 2 },
            { name: 'schema', test: /src\/session\/(schema|parse|metadata|kind|suggest)\.ts$/, priority: 1 },
            // The complete session and its wire format: for the server and the session entry, never loaded by a button.
            { name: 'wire', test: /src\/session\/(create|wire)\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
})
