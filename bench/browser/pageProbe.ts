/**
 * Runs in the page before any of its scripts (Playwright init script) and watches animation
 * frames. Times are ms since navigation start (performance.timeOrigin).
 *
 * An animation frame's timestamp is when the frame began, and Chromium hands a frame that began
 * during a long task to its callbacks only after that task: the frame in which the notes were
 * found placed carried a timestamp 0.7–0.9 s before the check ran. So `placedAt` is the clock
 * when the check finds the notes placed, and nothing after it is dated earlier.
 *
 * - `placedAt`: when a frame callback first finds all expected notes in the DOM, each with its text
 *   and placed by tldraw (its container has a transform). React commits the shapes' elements
 *   first and tldraw positions them in effects afterwards, which for 1,000 notes takes seconds;
 *   counting elements alone ("in the DOM") reported a board long before it could be seen.
 * - `paintedAt`: the next frame, i.e. the frame with the placed notes has been produced.
 * - `interactiveAt`: the start of the first quiet stretch after painting: QUIET_FRAMES frames in
 *   a row, each within SMOOTH_FRAME_MS of the one before. A single short frame is not enough:
 *   after painting, tldraw still loads fonts and translations and re-renders every note for
 *   them, and a lone short frame between two such tasks is not an interactive page.
 * - `frames`: frame timestamps while `recording` is on (panning).
 *
 * Kept as source text: a function compiled by tsx carries esbuild helpers the page lacks.
 */
export interface PageProbeState {
  expected: number
  placedAt: number | null
  paintedAt: number | null
  interactiveAt: number | null
  notes: number
  recording: boolean
  frames: number[]
  lastFrame: number
  quietSince: number | null
  quietFrames: number
}

declare global {
  interface Window {
    __pinnwandBench: PageProbeState
  }
}

const SMOOTH_FRAME_MS = 50
const QUIET_FRAMES = 10

export function pageProbeScript(expected: number): string {
  return `(() => {
  const state = { expected: ${Number(expected)}, placedAt: null, paintedAt: null, interactiveAt: null, notes: 0, recording: false, frames: [], lastFrame: 0, quietSince: null, quietFrames: 0 }
  window.__pinnwandBench = state
  const placed = (note) => note.style.transform !== '' && note.querySelector('.tl-rich-text') !== null
  const tick = (now) => {
    if (state.placedAt === null) {
      const notes = document.querySelectorAll('.tl-shape[data-shape-type="note"]')
      state.notes = notes.length
      if (notes.length >= state.expected && Array.prototype.every.call(notes, placed)) state.placedAt = performance.now()
    } else if (state.paintedAt === null) {
      state.paintedAt = Math.max(now, state.placedAt)
    } else if (state.interactiveAt === null) {
      if (now - state.lastFrame < ${SMOOTH_FRAME_MS}) {
        if (state.quietSince === null) state.quietSince = state.lastFrame
        if (++state.quietFrames >= ${QUIET_FRAMES}) state.interactiveAt = Math.max(state.quietSince, state.paintedAt)
      } else {
        state.quietSince = null
        state.quietFrames = 0
      }
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
