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

function wallClock(iso: string, timeZone: string): WallClock {
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
  const parts = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  }
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
