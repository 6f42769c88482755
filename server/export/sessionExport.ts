import type * as Y from 'yjs'
import { buildExport } from '../../shared/export/exportModel.ts'
import { exportFileName, exportFormats, type ExportFormatId } from '../../shared/export/formats/index.ts'

export interface SessionExportRequest {
  sessionId: string
  format: ExportFormatId
  anonymise: boolean
  includeEmpty: boolean
  exportedAt: Date
}

export interface RenderedExport {
  /** The file's bytes (text formats as UTF-8). */
  body: Buffer
  contentType: string
  /** ASCII download name, e.g. `beteiligung-…-2026-11-26.md`. */
  fileName: string
  /** Text formats can go to a terminal; docx cannot. */
  binary: boolean
}

/** One export of a session document, as the HTTP route and the CLI both hand it out. */
export async function renderSessionExport(doc: Y.Doc, request: SessionExportRequest): Promise<RenderedExport> {
  const model = buildExport(doc, {
    sessionId: request.sessionId,
    exportedAt: request.exportedAt,
    anonymise: request.anonymise,
    includeEmpty: request.includeEmpty,
  })
  const format = exportFormats[request.format]
  const rendered = await format.render(model)
  const binary = typeof rendered !== 'string'
  return {
    body: binary ? Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength) : Buffer.from(rendered, 'utf8'),
    contentType: format.contentType,
    fileName: exportFileName(model, request.format),
    binary,
  }
}
