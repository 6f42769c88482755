import type { ExportFormatId } from '../../shared/export/formats/index.ts'
import { errorFromAnswer, networkError } from '../api/pinnwandApi.ts'

/** The formats the server renders (a value list here: importing the registry would bundle docx). */
export const SERVER_EXPORT_FORMATS = ['json', 'csv', 'md', 'docx'] as const satisfies readonly ExportFormatId[]

export interface ServerExportOptions {
  anonymise: boolean
  includeEmpty: boolean
}

export interface ExportFile {
  blob: Blob
  fileName: string
}

/**
 * `GET /api/sessions/:id/export` with the moderator token (docs/CONTRACTS.md). A plain link
 * cannot carry the token in a header, so the file is fetched and handed over as a blob.
 */
export async function fetchServerExport(
  sessionId: string,
  moderatorToken: string,
  format: ExportFormatId,
  options: ServerExportOptions,
): Promise<ExportFile> {
  const query = new URLSearchParams({
    format,
    anonymise: options.anonymise ? '1' : '0',
    includeEmpty: options.includeEmpty ? '1' : '0',
  })
  let response: Response
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export?${query}`, {
      headers: { Authorization: `Bearer ${moderatorToken}` },
      cache: 'no-store',
    })
  } catch (error) {
    throw networkError(error)
  }
  if (!response.ok) throw errorFromAnswer(response.status, await response.json().catch(() => undefined))
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `pinnwand.${format}`
  return { blob: await response.blob(), fileName }
}
