import react from '@vitejs/plugin-react'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/**
 * Builds the plain-tldraw reference page with Vite into a fresh temporary directory: a
 * production build (mode production, minified), as `npm run build` builds ours.
 * `minify: false` only for profiling (readable function names).
 */
export async function buildPlainTldraw({ minify = true }: { minify?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pinnwand-bench-plain-tldraw-'))
  await build({
    root: fileURLToPath(new URL('./plainTldraw', import.meta.url)),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    mode: 'production',
    build: { minify, outDir, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 8000 },
  })
  return outDir
}
