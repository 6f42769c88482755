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

/**
 * `scheduler`, but at most one flush per `intervalMs`: a flush asked for sooner waits until the
 * interval since the last one has passed, and rescheduling meanwhile does not postpone it further.
 * For presence: a cursor or camera moving in every frame (panning, dragging) would otherwise send
 * an awareness update per frame, to a server that forwards each to everyone in the room.
 */
export function throttledScheduler(scheduler: FrameScheduler, intervalMs: number, now: () => number = () => performance.now()): FrameScheduler {
  let last = Number.NEGATIVE_INFINITY
  return (flush) => {
    let cancelScheduled: (() => void) | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      last = now()
      flush()
    }
    const wait = last + intervalMs - now()
    if (wait <= 0) cancelScheduled = scheduler(run)
    else
      timer = setTimeout(() => {
        timer = undefined
        cancelScheduled = scheduler(run)
      }, wait)
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      cancelScheduled?.()
    }
  }
}
