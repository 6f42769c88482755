import { createTLSchema, type TLRecord, type TLSchema } from '@tldraw/tlschema'

let schema: TLSchema | undefined

/**
 * The one tldraw schema of Pinnwand: tldraw's default shapes and records, nothing custom.
 * Client (store), server (seeding, validation) and export all use this instance, so a record
 * that validates here is a record every part understands.
 *
 * Built on first use, not when the module loads: building it sorts all of tldraw's migrations
 * (≈ 15 ms), which a restarting server would otherwise spend before it listens, although serving
 * a stored session to its first clients needs no schema.
 */
export function pinnwandSchema(): TLSchema {
  schema ??= createTLSchema()
  return schema
}

export type PinnwandRecord = TLRecord
