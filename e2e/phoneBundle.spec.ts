import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { phoneViewCost, readManifest, staticClosure } from './support/phoneBundle.ts'

/**
 * The phone view must load fast on a phone and work without a tldraw licence: its JavaScript
 * (entry + phone chunk + their imports) stays under 150 KB gzipped and contains no tldraw.
 * Reads the production build (`npm run build` first).
 */
const DIST = fileURLToPath(new URL('../dist/client', import.meta.url))
const BUDGET_BYTES = 150 * 1000
/** A class name of tldraw's editor, present wherever its code is. */
const TLDRAW_MARKER = 'tl-container'

test('the phone view’s JavaScript stays under 150 KB gzipped', ({}, testInfo) => {
  const cost = phoneViewCost(DIST)
  const report = cost.files.map((file) => `${file.file}: ${(file.gzipBytes / 1000).toFixed(1)} kB gzip (${(file.bytes / 1000).toFixed(1)} kB)`)
  report.push(`total: ${(cost.gzipBytes / 1000).toFixed(1)} kB gzip of ${BUDGET_BYTES / 1000} kB`)
  testInfo.annotations.push({ type: 'phone view JavaScript', description: report.join('; ') })
  console.log(report.join('\n'))
  expect(cost.gzipBytes).toBeLessThan(BUDGET_BYTES)
})

test('the phone view loads no tldraw', () => {
  const manifest = readManifest(DIST)
  const { chunks, files } = phoneViewCost(DIST)
  expect(chunks).not.toContain('canvas/WorkshopCanvas.tsx')
  expect(chunks.filter((key) => key.includes('node_modules/tldraw') || key.includes('node_modules/@tldraw/editor'))).toEqual([])
  // tldraw's editor is in what the canvas loads (its class names mark it); none of it in the phone's.
  const read = (file: string) => readFileSync(join(DIST, file), 'utf8')
  const canvasFiles = staticClosure(manifest, ['canvas/WorkshopCanvas.tsx']).map((key) => manifest[key]!.file)
  expect(canvasFiles.filter((file) => file.endsWith('.js') && read(file).includes(TLDRAW_MARKER)).length).toBeGreaterThan(0)
  for (const { file } of files) expect(read(file), file).not.toContain(TLDRAW_MARKER)
})
