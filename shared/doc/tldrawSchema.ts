import { createTLSchema, type TLRecord } from '@tldraw/tlschema'

/**
 * The one tldraw schema of Pinnwand: tldraw's default shapes and records, nothing custom.
 * Client (store), server (seeding, validation) and export all use this instance, so a record
 * that validates here is a record every part understands.
 */
export const pinnwandSchema = createTLSchema()

export type PinnwandRecord = TLRecord
