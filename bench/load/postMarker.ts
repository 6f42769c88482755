/**
 * How a post carries its send time to receivers that never decode Yjs.
 *
 * The posted note's id is `shape:PBMK<sender>.<seq>.<sentNs>~`. Yjs stores strings of a
 * YKeyValue entry verbatim as UTF-8 in the update, so the marker appears (as the entry's key)
 * in every frame that carries the note, also when a server merges several updates into one
 * frame. A light receiver scans the raw frame for it with `Buffer.indexOf`.
 *
 * `sentNs` is `process.hrtime.bigint()`: CLOCK_MONOTONIC, one clock for every thread and
 * process on this machine, so arrival − send is a true latency without clock sync.
 */
const PREFIX = 'PBMK'
const PREFIX_BYTES = Buffer.from(PREFIX)
const END = 0x7e // '~'

export function nowNs(): number {
  // Nanoseconds of CLOCK_MONOTONIC fit a double exactly for ~104 days of uptime.
  return Number(process.hrtime.bigint())
}

export function markerId(sender: number, seq: number, sentNs: number): string {
  return `${PREFIX}${sender}.${seq}.${sentNs}~`
}

export interface MarkerHit {
  /** `<sender>.<seq>`: identifies the post. */
  key: string
  sentNs: number
}

/** Parses a marker at the start of `text` (as written by {@link markerId}); undefined otherwise. */
export function parseMarkerText(text: string): MarkerHit | undefined {
  const start = text.indexOf(PREFIX)
  if (start < 0) return undefined
  const end = text.indexOf('~', start)
  if (end < 0) return undefined
  const body = text.slice(start + PREFIX.length, end)
  const lastDot = body.lastIndexOf('.')
  if (lastDot < 0) return undefined
  return { key: body.slice(0, lastDot), sentNs: Number(body.slice(lastDot + 1)) }
}

/**
 * Every distinct marker in a raw frame. Cheap: native byte search plus a short ASCII parse per
 * hit; the frame is never decoded as Yjs.
 */
export function scanFrame(frame: Buffer, onHit: (key: string, sentNs: number) => void): void {
  let from = 0
  let seen: Set<string> | undefined
  for (;;) {
    const at = frame.indexOf(PREFIX_BYTES, from)
    if (at < 0) return
    const end = frame.indexOf(END, at + PREFIX_BYTES.length)
    if (end < 0) return
    const body = frame.toString('latin1', at + PREFIX_BYTES.length, end)
    from = end + 1
    const lastDot = body.lastIndexOf('.')
    if (lastDot < 0) continue
    const key = body.slice(0, lastDot)
    // The same note's marker appears as entry key and as record id: count it once per frame.
    seen ??= new Set()
    if (seen.has(key)) continue
    seen.add(key)
    onHit(key, Number(body.slice(lastDot + 1)))
  }
}
