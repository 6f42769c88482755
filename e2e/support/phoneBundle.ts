import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * What the phone view costs to load, read from the production build's Vite manifest
 * (dist/client/.vite/manifest.json): the app entry and the phone view's lazy chunk with every
 * chunk they import statically, each gzipped as a server would send it.
 */
interface ManifestChunk {
  file: string
  src?: string
  imports?: string[]
  dynamicImports?: string[]
}

export interface BundleCost {
  /** Manifest keys of the chunks loaded (sources like `phone/PhoneView.tsx`, or `_name-hash.js`). */
  chunks: string[]
  files: Array<{ file: string; bytes: number; gzipBytes: number }>
  gzipBytes: number
}

export const PHONE_VIEW_ENTRY = 'phone/PhoneView.tsx'
export const APP_ENTRY = 'index.html'

export function readManifest(distDir: string): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>
}

/** The chunks `roots` load before running: themselves and their static imports, transitively. */
export function staticClosure(manifest: Record<string, ManifestChunk>, roots: readonly string[]): string[] {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`"${key}" is not in the build manifest`)
    seen.add(key)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  roots.forEach(visit)
  return [...seen]
}

/** JavaScript the phone view loads: the app entry, then the phone view chunk (a dynamic import). */
export function phoneViewCost(distDir: string): BundleCost {
  const manifest = readManifest(distDir)
  const chunks = staticClosure(manifest, [APP_ENTRY, PHONE_VIEW_ENTRY])
  const files = chunks
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(distDir, file))
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length }
    })
  return { chunks, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) }
}
