import { readBoardMeta, readNoteMeta, type BoardMeta, type NoteMeta } from '../../shared/workshop/recordMeta.ts'

/**
 * The shared meta readers, remembered per meta object. They validate with zod, which under the
 * CSP runs without its compiled fast path; the canvas reads every note's meta on every render of
 * every note (1,000 at once when a board opens). A record's meta object is replaced, never
 * changed, when the record changes, so its identity is a safe key.
 */
function remembered<T>(read: (meta: unknown) => T | undefined): (meta: unknown) => T | undefined {
  const cache = new WeakMap<object, T | null>()
  return (meta) => {
    if (typeof meta !== 'object' || meta === null) return read(meta)
    let value = cache.get(meta)
    if (value === undefined) {
      value = read(meta) ?? null
      cache.set(meta, value)
    }
    return value ?? undefined
  }
}

export const noteMetaOf: (meta: unknown) => NoteMeta | undefined = remembered(readNoteMeta)
export const boardMetaOf: (meta: unknown) => BoardMeta | undefined = remembered(readBoardMeta)
