/** Runs `flush` once, soon; returns a function that cancels it. */
export type FrameScheduler = (flush: () => void) => () => void

/**
 * The next animation frame, with a timer as a fallback: hidden tabs get no animation frames,
 * and a change made just before switching tabs must still reach the others.
 */
export const animationFrameScheduler: FrameScheduler = (flush) => {
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    flush()
  }
  const frame = requestAnimationFrame(run)
  const timer = setTimeout(run, 250)
  return () => {
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
