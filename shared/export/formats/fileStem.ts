import { DEFAULT_TIME_ZONE, formatSpreadsheetDateTime } from './dateTime.ts'

/**
 * An export's file name without extension, `<ASCII title slug>-<YYYY-MM-DD>`, for every file of a
 * workshop: the server's formats and the client's board pictures (its own module, so the client
 * does not bundle the renderers).
 */
export function exportFileStem(title: string, exportedAt: string, timeZone = DEFAULT_TIME_ZONE): string {
  const slug = title
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  const day = formatSpreadsheetDateTime(exportedAt, timeZone).slice(0, 'YYYY-MM-DD'.length)
  return `${slug || 'pinnwand'}-${day}`
}
