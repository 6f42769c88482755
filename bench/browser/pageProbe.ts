/**
 * Runs in the page before any of its scripts (Playwright init script): watches animation frames
 * to find when the expected number of note shapes is in the DOM ("painted") and the first smooth
 * frame after that ("interactive": the main thread is free again), and records frame timestamps
 * while `recording` is on. Times are ms since navigation start (performance.timeOrigin).
 *
 * Kept as source text: a function compiled by tsx carries esbuild helpers the page lacks.
 */
export interface PageProbeState {
  expected: number
  paintedAt: number | null
  interactiveAt: number | null
  notes: number
  recording: boolean
  frames: number[]
  lastFrame: number
}

declare global {
  interface Window {
    __pinnwandBench: PageProbeState
  }
}

const SMOOTH_FRAME_MS = 50

export function pageProbeScript(expected: number): string {
  return `(() => {
  const state = { expected: ${Number(expected)}, paintedAt: null, interactiveAt: null, notes: 0, recording: false, frames: [], lastFrame: 0 }
  window.__pinnwandBench = state
  const tick = (now) => {
    if (state.paintedAt === null) {
      state.notes = document.querySelectorAll('.tl-shape[data-shape-type="note"]').length
      if (state.notes >= state.expected) state.paintedAt = now
    } else if (state.interactiveAt === null && now - state.lastFrame < ${SMOOTH_FRAME_MS}) {
      state.interactiveAt = now
    }
    if (state.recording) state.frames.push(now)
    state.lastFrame = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`
}

/** An init script that puts `entries` into localStorage before the app reads it. */
export function localStorageScript(entries: Record<string, string>): string {
  return `(() => { const entries = ${JSON.stringify(entries)}; for (const key of Object.keys(entries)) localStorage.setItem(key, entries[key]) })()`
}
