import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

/**
 * The browser client. `npm run build` writes it to dist/client, which the server serves;
 * `npm run dev` runs Vite in middleware mode inside the same server (no proxy needed).
 * The client imports the domain from ../shared, so the dev server may read the whole repo.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // e2e/phoneBundle.spec.ts reads the manifest to measure what the phone view loads.
    manifest: true,
    rolldownOptions: {
      // @tldraw/utils is side-effect free apart from a version check, but does not say so; without
      // this every one of its modules (and lodash) would ride along into the tldraw-free phone view.
      treeshake: { moduleSideEffects: [{ test: /node_modules\/@tldraw\/utils\//, sideEffects: false }] },
    },
    // tldraw's fonts, icons and translations are bundled as files; never inline them as data URLs
    // into the canvas chunk, and keep them on our own origin.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    fs: { allow: [repoRoot] },
  },
})
