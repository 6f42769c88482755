import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { getMetaMap, readRecords, readSessionMeta, writeRecords } from '../../shared/doc/documentLayout.ts'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'

export type SchemaMigrationOutcome = 'current' | 'migrated'

/**
 * Brings a loaded document's records up to the tldraw schema this server runs, using tldraw's own
 * store migrations, when `meta.schema` was written by an older tldraw. Changed records and the
 * new schema are written back in one transaction with `origin`, so the caller persists (and
 * broadcasts) them like any server change. Throws when tldraw cannot migrate (e.g. a document
 * written by a NEWER tldraw): better to refuse the session than to corrupt it.
 */
export function migrateDocumentSchema(doc: Y.Doc, origin: unknown): SchemaMigrationOutcome {
  const meta = readSessionMeta(doc)
  if (!meta) return 'current'
  const currentSchema = pinnwandSchema().serialize()
  if (JSON.stringify(meta.schema) === JSON.stringify(currentSchema)) return 'current'

  const records = readRecords(doc)
  const store = Object.fromEntries(records.map((record) => [record.id, record])) as Record<string, TLRecord>
  const result = pinnwandSchema().migrateStoreSnapshot({ store: store as never, schema: meta.schema })
  if (result.type === 'error') throw new Error(`cannot migrate the session's tldraw records: ${result.reason}`)
  const migrated = result.value as Record<string, TLRecord>

  const put = Object.values(migrated).filter(
    (record) => JSON.stringify(record) !== JSON.stringify(store[record.id]),
  )
  const remove = records.map((record) => record.id).filter((id) => !(id in migrated))
  doc.transact(() => {
    writeRecords(doc, { put, remove })
    getMetaMap(doc).set('schema', currentSchema)
  }, origin)
  return 'migrated'
}
