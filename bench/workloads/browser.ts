import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from 'playwright-core'
import * as Y from 'yjs'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { noteSlotPosition } from '../../shared/workshop/boardLayout.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import type { TLRecord } from '@tldraw/tlschema'
import { buildPlainTldraw } from '../browser/buildPlainTldraw.ts'
import { localStorageScript, pageProbeScript, type PageProbeState } from '../browser/pageProbe.ts'
import { serveDirectory } from '../browser/staticServer.ts'
import { plainNotes } from '../load/fullClient.ts'
import type { ResultRow } from '../report/rows.ts'
import { summarize } from '../report/stats.ts'
import { startTarget } from '../servers/targets.ts'
import { openCanvasSession } from '../browser/canvasSession.ts'
import { sleep, type Workload } from './context.ts'

const NOTES = 1_000
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const VIEWPORT = { width: 1400, height: 900 }

/** Our page's canvas (tldraw's container), below the session header. */
const OUR_CANVAS = '[data-testid="canvas-root"]'

interface CanvasRun {
  paintedMs: number
  interactiveMs: number
  frameTimes: number[]
  /** `x,y,w,h` of the canvas element in CSS pixels, when asked for. */
  canvasBox?: string
}

/**
 * Workload 7, browser: headless Chromium (no GPU) opens a 1,000-note session in our built app
 * (dist/client, served by our server, with live sync) and, as the reference, stock tldraw showing
 * the same records without sync, in the same canvas box with the same starting camera. Times
 * (see pageProbe.ts): navigation start → all notes painted → the first quiet stretch after that
 * (interactive); then frame times while panning across the notes with the mouse wheel.
 * Also the phone view's JavaScript (issue 7), gzipped, as a phone downloads it.
 */
export const browserCanvas: Workload = async (context) => {
  const workload = `browser ${NOTES} notes`
  const runs = context.quick ? 1 : 3
  const panMs = context.quick ? 3_000 : 6_000
  const records = sessionRecords()
  const notes = records.filter((record): record is NoteShape => record.typeName === 'shape' && record.type === 'note')
  const ourBuild = existsSync('dist/client/index.html')
  // The canvas comparison needs a Vite build and minutes of Chromium: full runs only.
  const canvas = !context.quick || context.explicit.includes('browser')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const ours: CanvasRun[] = []
  const plain: CanvasRun[] = []
  let phone: { jsGzipBytes: number; files: number; tldraw: boolean } | undefined
  const failures: string[] = []
  try {
    const plainDir = canvas ? await buildPlainTldraw() : undefined
    const plainServer = plainDir ? await serveDirectory(plainDir) : undefined
    if (plainDir) writeFileSync(join(plainDir, 'records.json'), JSON.stringify(records))
    const target = ourBuild && context.targets.includes('ours') ? await startTarget('ours') : undefined
    try {
      const oursSession = target ? await openCanvasSession(target, notes) : undefined
      // Ours and plain tldraw alternate, so both see the same machine; plain tldraw gets the
      // canvas box our page gave tldraw (below our header), see plainTldraw/main.tsx.
      let canvasBox: string | undefined
      for (let i = 0; i < (canvas ? runs : 0); i++) {
        if (oursSession) {
          context.log(`${workload}: ours, run ${i + 1}/${runs}`)
          await attempt(failures, 'ours', async () => {
            const run = await measureCanvas(browser, oursSession.url, oursSession.storage, panMs, OUR_CANVAS)
            canvasBox ??= run.canvasBox
            ours.push(run)
          })
        }
        context.log(`${workload}: plain tldraw, run ${i + 1}/${runs}`)
        const plainUrl = `${plainServer!.origin}/${canvasBox ? `?canvas=${canvasBox}` : ''}`
        await attempt(failures, 'plain tldraw', async () => plain.push(await measureCanvas(browser, plainUrl, undefined, panMs)))
      }
      if (oursSession) phone = await measurePhoneJs(browser, oursSession.url, oursSession.storage)
    } finally {
      await target?.stop()
      await plainServer?.close()
      if (plainDir) rmSync(plainDir, { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
  const missing = !ourBuild ? 'no build in dist/client (npm run build)' : undefined
  if (!canvas) {
    return [phoneRow(phone, missing), { workload, metric: 'canvas', unit: '', ours: null, reference: null, note: 'full run only (or --quick --only=browser)' }]
  }
  const median = (values: number[]) => (values.length === 0 ? null : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!)
  const frames = (list: CanvasRun[]) => summarize(list.flatMap((run) => run.frameTimes))
  const oursFrames = ours.length ? frames(ours) : undefined
  const plainFrames = frames(plain)
  const row = (metric: string, unit: string, oursValue: number | null | undefined, plainValue: number | null | undefined, note?: string): ResultRow => ({
    workload,
    metric,
    unit,
    ours: oursValue ?? null,
    reference: plainValue ?? null,
    ...(note ?? missing ? { note: note ?? missing } : {}),
  })
  const reference = `reference = plain tldraw 5.4.2, same records, canvas box and camera, no sync${failures.length ? `; failed runs: ${failures.join('; ')}` : ''}`
  return [
    row(`notes painted (median of ${runs})`, 'ms', median(ours.map((r) => r.paintedMs)), median(plain.map((r) => r.paintedMs)), missing ?? `${reference}; from navigation start, ours includes join + sync`),
    row(`interactive (median of ${runs})`, 'ms', median(ours.map((r) => r.interactiveMs)), median(plain.map((r) => r.interactiveMs)), missing ?? reference),
    row('pan frame time p50', 'ms', oursFrames?.p50, plainFrames.p50, missing ?? reference),
    row('pan frame time p95', 'ms', oursFrames?.p95, plainFrames.p95, missing ?? reference),
    row('pan frame time max', 'ms', oursFrames?.max, plainFrames.max, missing ?? reference),
    row('pan frames over one interval', '%', ours.length ? slowShare(ours) : null, slowShare(plain), missing ?? `frames > ${SLOW_FRAME_MS} ms (at 60 Hz a frame is 16.7 ms, so these took two or more); p95 flips between one and two frames around 5 %, this share does not`),
    phoneRow(phone, missing),
  ]
}

/** A frame interval longer than one 60 Hz frame (16.7 ms) with room for timer jitter: a dropped frame. */
const SLOW_FRAME_MS = 20

/** Percentage of the pan's frame intervals that were dropped frames (longer than one frame). */
function slowShare(runs: CanvasRun[]): number | null {
  const frames = runs.flatMap((run) => run.frameTimes)
  return frames.length === 0 ? null : (100 * frames.filter((time) => time > SLOW_FRAME_MS).length) / frames.length
}

function phoneRow(phone: { jsGzipBytes: number; files: number; tldraw: boolean } | undefined, missing: string | undefined): ResultRow {
  return {
    workload: 'phone view',
    metric: 'JavaScript, gzipped',
    unit: 'KB',
    ours: phone ? phone.jsGzipBytes / 1024 : null,
    reference: null,
    note: phone
      ? `${phone.files} JS files loaded by the participant link on a phone viewport${phone.tldraw ? '; includes the tldraw canvas chunk' : ''}; target < 150 KB`
      : (missing ?? 'not measured'),
  }
}

/** One measured run; a failure (e.g. a timeout on an overloaded machine) is noted, the others count. */
async function attempt(failures: string[], label: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run()
  } catch (error) {
    failures.push(`${label}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`)
  }
}

/** Seed records plus 1,000 notes spread over the boards in the app's own slot layout. */
export function sessionRecords(): TLRecord[] {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate)
  const seed = readRecords(doc)
  const boards = boardsInOrder(seed)
  const author = { authorId: 'moderator', authorName: 'Moderation' }
  const perBoard = Math.ceil(NOTES / boards.length)
  const notes = boards.flatMap((board, boardIndex) =>
    plainNotes(board, author, Math.min(perBoard, NOTES - boardIndex * perBoard), `browser-${boardIndex}`).map((note, slot) => ({ ...note, ...noteSlotPosition(slot) })),
  )
  return [...seed, ...notes]
}

async function measureCanvas(browser: Browser, url: string, storage: Record<string, string> | undefined, panMs: number, canvasSelector?: string): Promise<CanvasRun> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    if (storage) await context.addInitScript({ content: localStorageScript(storage) })
    await context.addInitScript({ content: pageProbeScript(NOTES) })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => window.__pinnwandBench.interactiveAt !== null, undefined, { timeout: 120_000, polling: 100 })
    const probe = await readProbe(page)
    const box = canvasSelector ? await page.locator(canvasSelector).boundingBox() : null
    await sleep(500)
    const frameTimes = await pan(page, panMs)
    return {
      paintedMs: probe.paintedAt!,
      interactiveMs: probe.interactiveAt!,
      frameTimes,
      ...(box ? { canvasBox: [box.x, box.y, box.width, box.height].map((value) => Math.round(value)).join(',') } : {}),
    }
  } finally {
    await context.close()
  }
}

function readProbe(page: Page): Promise<PageProbeState> {
  return page.evaluate(() => ({ ...window.__pinnwandBench, frames: [] }))
}

/** Wheel-pans right, down, left and up across the canvas; returns the frame intervals meanwhile. */
export async function pan(page: Page, durationMs: number): Promise<number[]> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2)
  await page.evaluate(() => {
    window.__pinnwandBench.frames = []
    window.__pinnwandBench.recording = true
  })
  const directions = [
    [40, 0],
    [0, 40],
    [-40, 0],
    [0, -40],
  ] as const
  const started = performance.now()
  const steps = Math.max(1, Math.floor(durationMs / 16))
  for (let step = 0; step < steps && performance.now() - started < durationMs * 2; step++) {
    const [dx, dy] = directions[Math.floor((step / steps) * directions.length)]!
    await page.mouse.wheel(dx, dy)
    const due = started + (step + 1) * 16
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
  }
  const frames = await page.evaluate(() => {
    window.__pinnwandBench.recording = false
    return window.__pinnwandBench.frames
  })
  return frames.slice(1).map((time, index) => time - frames[index]!)
}

/** Opens the participant link on a phone viewport and sums the gzipped size of every script loaded. */
async function measurePhoneJs(browser: Browser, url: string, storage: Record<string, string>): Promise<{ jsGzipBytes: number; files: number; tldraw: boolean }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
  try {
    await context.addInitScript({ content: localStorageScript(storage) })
    const page = await context.newPage()
    const scripts = new Map<string, Buffer>()
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? ''
      if (!type.includes('javascript')) return
      try {
        scripts.set(response.url(), await response.body())
      } catch {
        // a body that could not be read (navigation away) is simply not counted
      }
    })
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    await sleep(500)
    let jsGzipBytes = 0
    for (const body of scripts.values()) jsGzipBytes += gzipSync(body, { level: 9 }).byteLength
    return { jsGzipBytes, files: scripts.size, tldraw: [...scripts.keys()].some((name) => /WorkshopCanvas|tldraw/i.test(name)) }
  } finally {
    await context.close()
  }
}
