/**
 * Times in exports are shown as wall-clock time of the organisers' zone (the JSON keeps UTC).
 * Assembled from numeric parts instead of a locale pattern, so the output does not change with
 * the ICU version of the machine that renders it.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

interface WallClock {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function formatWallClock(time: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(time).map((part) => [part.type, part.value]))
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  }
}

/**
 * Wall clocks of whole minutes, by zone and minute. `formatToParts` costs ≈ 10 µs, and an export
 * asks once per note: 5,000 notes of a workshop fall into a few hundred minutes. Bounded, as the
 * CLI and the server live long.
 */
const minuteCache = new Map<string, WallClock>()
const MINUTE_CACHE_LIMIT = 10_000

function wallClock(iso: string, timeZone: string): WallClock {
  const time = new Date(iso)
  const ms = time.getTime()
  // An invalid date goes to the formatter, which throws a RangeError for it.
  if (!Number.isFinite(ms)) return formatWallClock(time, timeZone)
  const minuteStart = ms - (((ms % 60_000) + 60_000) % 60_000)
  const key = `${timeZone} ${minuteStart}`
  let minute = minuteCache.get(key)
  if (!minute) {
    minute = formatWallClock(new Date(minuteStart), timeZone)
    if (minuteCache.size >= MINUTE_CACHE_LIMIT) minuteCache.clear()
    minuteCache.set(key, minute)
  }
  // Zones whose offset is not whole minutes (local mean times before ~1900) fall outside the
  // shortcut, whose seconds are the UTC seconds.
  if (minute.second !== '00') return formatWallClock(time, timeZone)
  return { ...minute, second: String(Math.floor((ms - minuteStart) / 1000)).padStart(2, '0') }
}

/** German reading form: `26.11.2026, 16:30`. */
export function formatGermanDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = wallClock(iso, timeZone)
  return `${t.day}.${t.month}.${t.year}, ${t.hour}:${t.minute}`
}

/** Form that Excel and LibreOffice read as a date in any locale: `2026-11-26 16:30:00`. */
export function formatSpreadsheetDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = wallClock(iso, timeZone)
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`
}
