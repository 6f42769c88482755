import * as Y from 'yjs'
import { DOCUMENT_LAYOUT_VERSION, writeRecords, writeSessionMeta } from '../doc/documentLayout.ts'
import { pinnwandSchema } from '../doc/tldrawSchema.ts'
import type { WorkshopTemplate } from '../template/templateSchema.ts'
import { buildSeedRecords } from './workshopRecords.ts'

/**
 * Writes a new session's starting state into an empty document: meta (template, tldraw schema)
 * and the seed records. Runs once, on the server, before any client can connect.
 */
export function seedSessionDocument(doc: Y.Doc, template: WorkshopTemplate, now = new Date()): void {
  doc.transact(() => {
    writeSessionMeta(doc, {
      layoutVersion: DOCUMENT_LAYOUT_VERSION,
      template,
      schema: pinnwandSchema().serialize(),
      createdAt: now.toISOString(),
    })
    writeRecords(doc, { put: buildSeedRecords(template) })
  })
}
