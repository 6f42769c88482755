import type { WorkshopExport } from '../exportSchema.ts'
import { DEFAULT_TIME_ZONE } from './dateTime.ts'
import { exportFileStem } from './fileStem.ts'
import { toJson } from './toJson.ts'
import { toMarkdown } from './toMarkdown.ts'

export { exportFileStem }

export const EXPORT_FORMAT_IDS = ['json', 'csv', 'md', 'docx'] as const
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number]

export interface RenderOptions {
  /** IANA zone for the wall-clock times of CSV, Markdown and DOCX (JSON stays UTC); default Europe/Berlin. */
  timeZone?: string
}

export interface ExportFormat {
  /** For the HTTP `Content-Type` header. */
  contentType: string
  /** File name extension without dot. */
  extension: string
  /** Text formats give a string (to be written as UTF-8), binary ones bytes. */
  render(model: WorkshopExport, options?: RenderOptions): Promise<string | Uint8Array>
}

/**
 * Every export format by its id, the value of `?format=` and `--format`: the HTTP route and the
 * CLI pick one here and never know about a format's details. CSV and DOCX load their libraries
 * (papaparse; docx, ≈ 60 ms to import) on first use, not when the server starts.
 */
export const exportFormats: Readonly<Record<ExportFormatId, ExportFormat>> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: async (model) => toJson(model),
  },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    render: async (model, options) => (await import('./toCsv.ts')).toCsv(model, options),
  },
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: async (model, options) => toMarkdown(model, options),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: async (model, options) => (await import('./toDocx.ts')).toDocx(model, options),
  },
}

export function isExportFormatId(value: unknown): value is ExportFormatId {
  return typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value)
}

/**
 * A download name like `beteiligung-engagement-workshop-1-2026-11-26.md`: the workshop title
 * transliterated to ASCII (safe in every `Content-Disposition` and file system), then the
 * export date in the organisers' zone.
 */
export function exportFileName(model: WorkshopExport, format: ExportFormatId, timeZone = DEFAULT_TIME_ZONE): string {
  return `${exportFileStem(model.workshop.title, model.exportedAt, timeZone)}.${exportFormats[format].extension}`
}
