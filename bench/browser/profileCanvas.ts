import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type CDPSession } from 'playwright-core'
import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { startTarget } from '../servers/targets.ts'
import { openCanvasSession } from './canvasSession.ts'
import { pan, sessionRecords } from '../workloads/browser.ts'
import { summarize } from '../report/stats.ts'
import { buildPlainTldraw } from './buildPlainTldraw.ts'
import { localStorageScript, pageProbeScript, type PageProbeState } from './pageProbe.ts'
import { serveDirectory } from './staticServer.ts'

/**
 * A developer tool, not part of `npm run bench`: opens the plain-tldraw page and our app with
 * the browser workload's 1,000-note session, and prints where the main thread's time goes from
 * navigation to "interactive" (trace events by self time) and, with --cpu, the hottest JS
 * functions (V8 sampling profile, self time). Build with `npx vite build --minify false` for
 * readable function names.
 *
 *   node --import tsx bench/browser/profileCanvas.ts [--runs=2] [--cpu] [--only=ours|plain] [--pan] [--timeline=250] [--scripts] [--layers]
 *
 * --timeline=ms: main-thread and display-compositor CPU per time bucket, and the CSS animations
 * that ran (without GPU each animated frame is composited in software, on the same 2 cores).
 * --scripts: when each script was parsed, compiled and evaluated, and on which thread.
 * --layers: the composited layers once interactive, counted by the element that owns them.
 * --cat=a,b: the trace categories of the load (e.g. add disabled-by-default-v8.compile to see
 * V8's background compile and Maglev/TurboFan jobs on the worker threads).
 * --windows: main-thread trace events by self time within each long task (--min-task=ms, default
 * 150), and within --span=from,to (ms since navigation) when given.
 * --save=prefix (with --cpu): also writes each page's V8 CPU profile to `prefix-<label>-<time>.cpuprofile`.
 * --client=dirA,dirB with --runs=N: client builds run by run, then the median main-thread CPU and
 * "interactive" of each: on a shared machine compare builds this way, not run against run.
 */
const args = new Map(process.argv.slice(2).map((arg) => { const [key, value] = arg.replace(/^--/, '').split('='); return [key!, value ?? 'true'] as const }))
const RUNS = Number(args.get('runs') ?? 1)
const CPU = args.has('cpu')
const ONLY = args.get('only')
const NOTES = 1_000
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const VIEWPORT = { width: 1400, height: 900 }

/** Per page label: interactive time and main-thread CPU of every run, for the closing summary. */
const summary = new Map<string, Array<{ interactiveMs: number; mainCpuMs: number }>>()

function printSummary(): void {
  if (RUNS < 2) return
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  console.log('\nsummary (median [min–max] of the runs):')
  for (const [label, runs] of summary) {
    const cpu = runs.map((run) => run.mainCpuMs)
    const wall = runs.map((run) => run.interactiveMs)
    const fmt = (values: number[]) => `${Math.round(median(values))} [${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}]`
    console.log(`  ${label}: main-thread CPU ${fmt(cpu)} ms, interactive ${fmt(wall)} ms (${runs.length} runs)`)
  }
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; cat: string; args?: { name?: string; [key: string]: unknown } }

async function main(): Promise<void> {
  const records = sessionRecords()
  const notes = records.filter((record): record is NoteShape => record.typeName === 'shape' && record.type === 'note')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
  const plainDir = await buildPlainTldraw({ minify: !args.has('readable') })
  writeFileSync(join(plainDir, 'records.json'), JSON.stringify(records))
  const plainServer = await serveDirectory(plainDir)
  // One server per client build (--client=dirA,dirB compares builds run by run); default dist/client.
  const clientDirs = args.has('client') ? args.get('client')!.split(',') : [undefined]
  const targets: Array<{ label: string; url: string; storage: Record<string, string>; stop: () => Promise<void> }> = []
  try {
    for (const dir of clientDirs) {
      const target = await startTarget('ours', dir ? { env: { CLIENT_DIR: dir } } : {})
      const entry = { label: `ours${dir ? ` (${dir})` : ''}`, url: '', storage: {}, stop: () => target.stop() }
      targets.push(entry)
      Object.assign(entry, await openCanvasSession(target, notes))
    }
    if (args.has('serve')) {
      // Keep the pages up for manual probing until interrupted.
      console.log(`plain ${plainServer.origin}/`)
      for (const target of targets) console.log(`${target.label} ${target.url}\nstorage ${JSON.stringify(target.storage)}`)
      await new Promise((resolve) => process.once('SIGINT', resolve))
    }
    // Plain tldraw gets the canvas box of our page, as in the bench (plainTldraw/main.tsx).
    let canvasBox = args.get('canvas')
    for (let run = 0; run < (args.has('serve') ? 0 : RUNS); run++) {
      if (ONLY !== 'plain') {
        for (const target of targets) {
          const box = await profile(browser, target.label, target.url, target.storage)
          canvasBox ??= box
        }
      }
      if (ONLY !== 'ours') await profile(browser, 'plain', `${plainServer.origin}/${canvasBox ? `?canvas=${canvasBox}` : ''}`, undefined)
    }
    printSummary()
  } finally {
    for (const target of targets) await target.stop()
    await plainServer.close()
    rmSync(plainDir, { recursive: true, force: true })
    await browser.close()
  }
}

/** Profiles one page load; returns the box of our canvas (`x,y,w,h`) when the page has one. */
async function profile(browser: Browser, label: string, url: string, storage: Record<string, string> | undefined): Promise<string | undefined> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    if (storage) await context.addInitScript({ content: localStorageScript(storage) })
    await context.addInitScript({ content: pageProbeScript(NOTES) })
    await context.addInitScript({ content: `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]) }).observe({ type: 'longtask', buffered: true })` })
    // CSS animations and transitions run on the compositor while the main thread is busy, and
    // without GPU every frame of them is composited in software on the same 2 cores.
    await context.addInitScript({ content: `window.__animations = []; for (const type of ['animationstart', 'animationend', 'animationcancel', 'transitionstart', 'transitionend']) document.addEventListener(type, (e) => window.__animations.push(Math.round(performance.now()) + ' ' + type + ' ' + (e.animationName || e.propertyName) + ' on ' + (e.target.className && e.target.className.baseVal !== undefined ? e.target.className.baseVal : e.target.className)), true)` })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const events: TraceEvent[] = []
    cdp.on('Tracing.dataCollected', (message) => { events.push(...(message.value as unknown as TraceEvent[])) })
    await cdp.send('Tracing.start', { categories: args.get('cat') ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing,loading', transferMode: 'ReportEvents' })
    if (CPU) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    await page.goto(url)
    await page.waitForFunction(() => window.__pinnwandBench.interactiveAt !== null, undefined, { timeout: 120_000, polling: 100 })
    const probe = await page.evaluate(() => ({ ...window.__pinnwandBench, frames: [] }) as PageProbeState)
    const box = await page.locator('[data-testid="canvas-root"]').boundingBox({ timeout: 1000 }).catch(() => null)
    const marks = await page.evaluate(() => ({
      longTasks: (window as unknown as { __longTasks: number[][] }).__longTasks,
      animations: (window as unknown as { __animations: string[] }).__animations,
      nav: performance.getEntriesByType('navigation').map((e) => { const n = e as PerformanceNavigationTiming; return { dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) } })[0],
      measures: performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')).map((e) => `${e.name}@${Math.round(e.startTime)}+${Math.round(e.duration)}`),
      resources: performance.getEntriesByType('resource').map((e) => { const r = e as PerformanceResourceTiming; return `${r.name.split('/').pop()} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}` }),
    }))
    let cpuProfile: CpuProfile | undefined
    if (CPU) cpuProfile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile
    if (cpuProfile && args.has('save')) writeFileSync(`${args.get('save')}-${label.replace(/\W+/g, '_')}-${Date.now()}.cpuprofile`, JSON.stringify(cpuProfile))
    await stopTracing(cdp)
    console.log(`\n=== ${label}: placed ${Math.round(probe.placedAt!)} ms, painted ${Math.round(probe.paintedAt!)} ms, interactive ${Math.round(probe.interactiveAt!)} ms, DCL ${marks.nav?.dcl}, load ${marks.nav?.load}`)
    console.log(`long tasks: ${marks.longTasks.map(([start, duration]) => `${start}+${duration}`).join(' ')}`)
    console.log(`resources: ${marks.resources.join(', ')}`)
    if (args.has('timeline')) console.log(`animations: ${marks.animations.slice(0, 30).join('; ') || 'none'}`)
    if (marks.measures.length) console.log(`marks: ${marks.measures.join(' ')}`)
    const { mainCpuMs } = summarizeTrace(events, probe.interactiveAt!, marks.longTasks)
    const results = summary.get(label) ?? []
    results.push({ interactiveMs: probe.interactiveAt!, mainCpuMs })
    summary.set(label, results)
    if (args.has('timeline')) printTimeline(events, probe, Number(args.get('timeline')) || 250)
    if (args.has('scripts')) printScriptWork(events)
    if (cpuProfile) summarizeCpu(cpuProfile, marks.longTasks)
    if (args.has('idle')) {
      // Idle page: nothing should run; CPU spent here is an animation or a timer doing work.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const idleEvents: TraceEvent[] = []
      const collect = (message: { value: unknown }) => { idleEvents.push(...(message.value as TraceEvent[])) }
      cdp.on('Tracing.dataCollected', collect)
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' })
      await new Promise((resolve) => setTimeout(resolve, 3000))
      await stopTracing(cdp)
      cdp.off('Tracing.dataCollected', collect)
      console.log('idle 3 s:')
      summarizeTrace(idleEvents, 0, [])
      const animations = await page.evaluate(() => document.getAnimations().map((a) => `${(a as CSSAnimation).animationName ?? a.constructor.name} on ${(a.effect as KeyframeEffect | null)?.target?.className}`))
      console.log(`running animations: ${animations.join('; ') || 'none'}`)
    }
    if (args.has('layers')) await printLayers(cdp)
    if (args.has('pan')) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      const panEvents: TraceEvent[] = []
      const collect = (message: { value: unknown }) => { panEvents.push(...(message.value as TraceEvent[])) }
      cdp.on('Tracing.dataCollected', collect)
      await cdp.send('Tracing.start', { categories: args.get('pancat') ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' })
      if (CPU) await cdp.send('Profiler.start')
      const frames = summarize(await pan(page, Number(args.get('pan')) || 3000))
      const panProfile = CPU ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined
      await stopTracing(cdp)
      cdp.off('Tracing.dataCollected', collect)
      console.log(`pan frame times: p50 ${frames.p50?.toFixed(1)} p95 ${frames.p95?.toFixed(1)} max ${frames.max?.toFixed(1)} (${frames.samples} frames)`)
      summarizeTrace(panEvents, 0, [])
      if (args.has('dumpquads')) {
        // Software compositing detail: how many quads per frame, of which kind and size.
        const quads = panEvents.filter((event) => event.name === 'SoftwareRenderer::DoDrawQuad')
        const frames = panEvents.filter((event) => event.name === 'DirectRenderer::DrawFrame').length
        const byArgs = new Map<string, { count: number; us: number }>()
        for (const quad of quads) {
          const key = JSON.stringify(quad.args ?? {}).slice(0, 160)
          const entry = byArgs.get(key) ?? { count: 0, us: 0 }
          entry.count++
          entry.us += quad.dur ?? 0
          byArgs.set(key, entry)
        }
        console.log(`quads: ${quads.length} in ${frames} frames`)
        const snapshots = panEvents.filter((event) => event.ph === 'O')
        const names = new Map<string, number>()
        for (const event of snapshots) names.set(event.name, (names.get(event.name) ?? 0) + 1)
        console.log(`snapshots: ${[...names].map(([name, count]) => `${name} ${count}`).join(', ')}`)
        const last = snapshots.filter((event) => /Frame|Pass/i.test(event.name)).at(-1)
        if (last) writeFileSync(`/tmp/quads-${Date.now()}.json`, JSON.stringify(last, null, 1))
        for (const [key, { count, us }] of [...byArgs].sort((a, b) => b[1].us - a[1].us).slice(0, 12)) console.log(`  ${count}x ${Math.round(us / 1000)} ms ${key}`)
      }
      if (panProfile) summarizeCpu(panProfile, [])
    }
    return box ? [box.x, box.y, box.width, box.height].map((value) => Math.round(value)).join(',') : undefined
  } finally {
    await context.close()
  }
}

/**
 * The page's composited layers (what Layerize and Commit work through on every frame of a pan),
 * the largest first, with the element that owns each.
 */
async function printLayers(cdp: CDPSession): Promise<void> {
  type Layer = { layerId: string; backendNodeId?: number; width: number; height: number; drawsContent: boolean }
  const layers = new Promise<Layer[]>((resolve) => cdp.once('LayerTree.layerTreeDidChange', (event) => resolve((event as { layers?: Layer[] }).layers ?? [])))
  await cdp.send('DOM.enable')
  await cdp.send('DOM.getDocument', { depth: 0 })
  await cdp.send('LayerTree.enable')
  const list = await layers
  await cdp.send('LayerTree.disable')
  const drawing = list.filter((layer) => layer.drawsContent)
  console.log(`layers: ${list.length} (${drawing.length} drawing content)`)
  const owners = new Map<string, number>()
  for (const layer of drawing) {
    let owner = '(no element)'
    if (layer.backendNodeId) {
      const described = (await cdp.send('DOM.describeNode', { backendNodeId: layer.backendNodeId }).catch(() => undefined)) as { node?: { localName?: string; attributes?: string[] } } | undefined
      const attributes = described?.node?.attributes ?? []
      const className = attributes[attributes.indexOf('class') + 1]
      owner = `${described?.node?.localName ?? '?'}${attributes.includes('class') && className ? `.${className.split(' ')[0]}` : ''}`
    }
    owners.set(owner, (owners.get(owner) ?? 0) + 1)
  }
  console.log(`drawing layers by owner: ${[...owners].sort((a, b) => b[1] - a[1]).map(([owner, count]) => `${owner} ×${count}`).join(', ')}`)
}

async function stopTracing(cdp: CDPSession): Promise<void> {
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.end')
  await done
}

function selfTimes(list: TraceEvent[]): Map<string, number> {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const self = new Map<string, number>()
  const stack: Array<{ end: number; name: string; child: number; dur: number }> = []
  const pop = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.child)
    }
  }
  for (const event of sorted) {
    pop(event.ts)
    if (stack.length) stack[stack.length - 1]!.child += event.dur!
    stack.push({ end: event.ts + event.dur!, name: event.name, child: 0, dur: event.dur! })
  }
  pop(Infinity)
  return self
}

/** Self time per event name on the renderer's main thread and totals on other renderer threads. */
function summarizeTrace(events: TraceEvent[], interactiveMs: number, longTasks: number[][]): { mainCpuMs: number } {
  let mainCpuMs = 0
  const threadNames = new Map<string, string>()
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '')
  const navStart = events.find((event) => event.name === 'navigationStart' || event.name === 'TracingStartedInBrowser')?.ts ?? 0
  const byThread = new Map<string, TraceEvent[]>()
  // The page's renderer only: another renderer's main thread (the initial blank page) merged into
  // the same list nested the page's tasks under its long events and lost them from the totals.
  const pagePid = events.find((event) => event.name === 'navigationStart' || event.name === 'markAsMainFrame')?.pid
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue
    const key = `${event.pid}:${event.tid}`
    const name = threadNames.get(key) ?? key
    if (!/CrRendererMain|Compositor|Raster|ThreadPool/.test(name)) continue
    if (name === 'CrRendererMain' && pagePid !== undefined && event.pid !== pagePid) continue
    const list = byThread.get(name) ?? []
    list.push(event)
    byThread.set(name, list)
  }
  const navigation = events.find((event) => event.name === 'navigationStart' || event.name === 'markAsMainFrame')
  for (const [thread, list] of byThread) {
    if (thread === 'CrRendererMain' && navigation && args.has('windows')) {
      // Per long task: main-thread trace events by self time, to see style, layout, paint and fonts.
      // --span=from,to adds one window of its own (ms since navigation), e.g. a stretch of short tasks.
      const span = args.get('span')?.split(',').map(Number)
      const windows = longTasks.filter(([, duration = 0]) => duration >= Number(args.get('min-task') ?? 150))
      if (span) windows.push([span[0]!, span[1]! - span[0]!])
      for (const [start = 0, duration = 0] of windows) {
        const from = navigation.ts + start * 1000
        const to = from + duration * 1000
        const inside = list.filter((event) => event.ts >= from - 1000 && event.ts + event.dur! <= to + 1000)
        const self = selfTimes(inside)
        let cpu = 0
        let openUntil = 0
        for (const event of [...inside].sort((a, b) => a.ts - b.ts)) {
          if (event.ts < openUntil) continue
          openUntil = event.ts + event.dur!
          cpu += event.tdur ?? 0
        }
        console.log(`  [main ${start}+${duration}, cpu ${Math.round(cpu / 1000)}] ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, us]) => `${name} ${Math.round(us / 1000)}`).join(', ')}`)
      }
    }
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    const self = new Map<string, number>()
    const stack: Array<{ end: number; name: string; child: number; dur: number }> = []
    let busy = 0
    let cpu = 0
    const pop = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= until) {
        const top = stack.pop()!
        self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.child)
      }
    }
    for (const event of list) {
      pop(event.ts)
      if (stack.length) stack[stack.length - 1]!.child += event.dur!
      else {
        busy += event.dur!
        cpu += event.tdur ?? 0
      }
      stack.push({ end: event.ts + event.dur!, name: event.name, child: 0, dur: event.dur! })
    }
    pop(Infinity)
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)
    if (thread === 'CrRendererMain') mainCpuMs = cpu / 1000
    console.log(`  [${thread}] busy ${Math.round(busy / 1000)} ms, cpu ${Math.round(cpu / 1000)} ms (interactive at ${Math.round(interactiveMs)}): ${top.map(([name, us]) => `${name} ${Math.round(us / 1000)}`).join(', ')}`)
  }
  return { mainCpuMs }
  void navStart
}

/**
 * CPU per time bucket (ms since navigation) of the renderer's main thread and of the display
 * compositor (software compositing without GPU shares the 2 cores with the main thread), so the
 * start-up reads as a sequence: what ran when, and where the main thread waited.
 */
function printTimeline(events: TraceEvent[], probe: PageProbeState, bucketMs: number): void {
  const threadNames = new Map<string, string>()
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '')
  const navigation = events.find((event) => event.name === 'navigationStart' || event.name === 'markAsMainFrame')
  if (!navigation) return
  const wanted = ['CrRendererMain', 'VizCompositorThread'] as const
  const buckets = new Map<string, number[]>(wanted.map((name) => [name, []]))
  const topLevel = new Map<string, { end: number }>()
  const sorted = events.filter((event) => event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts)
  for (const event of sorted) {
    const thread = threadNames.get(`${event.pid}:${event.tid}`) ?? ''
    const list = buckets.get(thread)
    if (!list) continue
    if (thread === 'CrRendererMain' && event.pid !== navigation.pid) continue // the page's renderer only
    const key = `${event.pid}:${event.tid}`
    const open = topLevel.get(key)
    if (open && event.ts < open.end) continue // nested: counted with its top-level event
    topLevel.set(key, { end: event.ts + event.dur! })
    // Thread time (tdur) spread evenly over the event's wall-clock span.
    const cpu = event.tdur ?? 0
    const from = (event.ts - navigation.ts) / 1000
    const span = Math.max(event.dur! / 1000, 0.001)
    for (let at = Math.max(0, Math.floor(from / bucketMs)); at * bucketMs < from + span; at++) {
      const overlap = Math.min(from + span, (at + 1) * bucketMs) - Math.max(from, at * bucketMs)
      list[at] = (list[at] ?? 0) + (cpu / 1000) * (overlap / span)
    }
  }
  const main = buckets.get('CrRendererMain')!
  const viz = buckets.get('VizCompositorThread')!
  const last = Math.ceil((probe.interactiveAt ?? 0) / bucketMs) + 1
  const sum = (list: number[], until: number) => list.slice(0, until).reduce((a, b) => a + (b ?? 0), 0)
  console.log(`  timeline (${bucketMs} ms buckets, CPU ms main/viz; P = placed, I = interactive), main ${Math.round(sum(main, last))} ms, viz ${Math.round(sum(viz, last))} ms until interactive:`)
  const marks = (at: number) => `${probe.placedAt !== null && Math.floor(probe.placedAt / bucketMs) === at ? ' P' : ''}${probe.interactiveAt !== null && Math.floor(probe.interactiveAt / bucketMs) === at ? ' I' : ''}`
  const cells: string[] = []
  for (let at = 0; at <= last; at++) cells.push(`${at * bucketMs}:${Math.round(main[at] ?? 0)}/${Math.round(viz[at] ?? 0)}${marks(at)}`)
  for (let i = 0; i < cells.length; i += 8) console.log(`    ${cells.slice(i, i + 8).join('  ')}`)
}

/** When each script was parsed, compiled and evaluated, on which thread (ms since navigation). */
function printScriptWork(events: TraceEvent[]): void {
  const threadNames = new Map<string, string>()
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '')
  const navigation = events.find((event) => event.name === 'navigationStart' || event.name === 'markAsMainFrame')
  if (!navigation) return
  const work = new Map<string, { thread: string; first: number; last: number; dur: number; cpu: number; count: number }>()
  for (const event of events) {
    if (event.ph !== 'X' || !/^v8\.(parseOnBackground|compile|compileModule|evaluateModule|parseOnBackgroundParsing|produceModuleCache)|^EvaluateScript$/.test(event.name)) continue
    const data = (event.args?.['data'] ?? event.args?.['fileName'] ?? event.args) as { url?: string; fileName?: string } | undefined
    const url = (data?.url ?? data?.fileName ?? '').split('/').pop() || '?'
    const thread = threadNames.get(`${event.pid}:${event.tid}`) ?? '?'
    const key = `${event.name} ${url} @${thread}`
    const from = (event.ts - navigation.ts) / 1000
    const entry = work.get(key) ?? { thread, first: from, last: from, dur: 0, cpu: 0, count: 0 }
    entry.first = Math.min(entry.first, from)
    entry.last = Math.max(entry.last, from + event.dur! / 1000)
    entry.dur += event.dur! / 1000
    entry.cpu += (event.tdur ?? 0) / 1000
    entry.count++
    work.set(key, entry)
  }
  console.log('  script work (first→last, summed wall / cpu ms):')
  for (const [key, entry] of [...work].sort((a, b) => a[1].first - b[1].first)) {
    if (entry.dur < 5) continue
    console.log(`    ${Math.round(entry.first)}→${Math.round(entry.last)} ${key}: ${Math.round(entry.dur)} / ${Math.round(entry.cpu)} (${entry.count}×)`)
  }
}

interface CpuProfile {
  startTime: number
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

function summarizeCpu(profile: CpuProfile, longTasks: number[][]): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
  const name = (id: number) => { const f = nodes.get(id)!.callFrame; return `${f.functionName || '(anon)'} ${f.url.split('/').pop() || ''}:${f.lineNumber + 1}` }
  // Sample times relative to the first sample; the profile starts just before navigation.
  let t = 0
  const times = profile.timeDeltas.map((dt) => (t += dt) / 1000)
  if (args.has('windows')) {
    for (const [start = 0, duration = 0] of longTasks) {
      if (duration < Number(args.get("min-task") ?? 150)) continue
      const inclusive = new Map<string, number>()
      const selfIn = new Map<string, number>()
      profile.samples.forEach((id, index) => {
        const at = times[index]!
        if (at < start || at > start + duration) return
        const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000
        selfIn.set(name(id), (selfIn.get(name(id)) ?? 0) + dt)
        const seen = new Set<string>()
        for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
          const key = name(node)
          if (seen.has(key)) continue
          seen.add(key)
          inclusive.set(key, (inclusive.get(key) ?? 0) + dt)
        }
      })
      const fmt = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v)} ${k}`).join(' | ')
      console.log(`  -- long task ${start}+${duration}\n     self: ${fmt(selfIn, 8)}\n     incl: ${fmt(new Map([...inclusive].filter(([k]) => !/^\(|^(performWorkUntilDeadline|workLoop|flushWork|performWorkOnRoot|renderRootSync|workLoopSync|performUnitOfWork|beginWork|commitRoot|flushPassiveEffects|runWithFiberInDEV|recursivelyTraverse|commitPassiveMountOnFiber|commitLayoutEffectOnFiber|recursivelyTraverseLayoutEffects|recursivelyTraversePassiveMountEffects|flushSyncWorkAcrossRoots_impl|flushSyncWorkOnAllRoots|processRootScheduleInMicrotask|commitRootImpl|flushSpawnedWork|flushLayoutEffects|completeWork|completeUnitOfWork)\b/.test(k))), Number(args.get("incl") ?? 25))}`)
    }
  }
  const self = new Map<string, number>()
  const byUrl = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)!.callFrame
    const dt = profile.timeDeltas[index + 1] ?? 0
    const file = frame.url.split('/').pop() || '(native)'
    const key = `${frame.functionName || '(anon)'} ${file}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + dt)
    byUrl.set(file, (byUrl.get(file) ?? 0) + dt)
  })
  console.log(`  JS self time by file: ${[...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(', ')}`)
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`    ${String(Math.round(us / 1000)).padStart(6)} ms  ${key}`)
}

await main()
