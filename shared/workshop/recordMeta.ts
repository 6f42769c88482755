// zod/mini: these schemas are in every page's first download (the phone view's budget).
import * as z from 'zod/mini'

/**
 * What Pinnwand adds to tldraw records, in their `meta` field. tldraw keeps `meta` opaque, so
 * every part (client, server, export) reads it through these schemas and never guesses.
 */
export const AUTHOR_NAME_MAX_LENGTH = 60
export const ANONYMOUS_NAME = 'anonym'

export const authorSchema = z.object({
  authorId: z.string().check(z.minLength(1), z.maxLength(64)),
  authorName: z.string().check(z.trim(), z.minLength(1), z.maxLength(AUTHOR_NAME_MAX_LENGTH)),
})
export type Author = z.infer<typeof authorSchema>

/** A board is a tldraw `frame`: the structural parent of one question's notes. */
export const boardMetaSchema = z.object({
  kind: z.literal('board'),
  questionIndex: z.int().check(z.minimum(0)),
})
export type BoardMeta = z.infer<typeof boardMetaSchema>

/** The board's header is a locked `text` shape inside it holding the full question text. */
export const boardHeaderMetaSchema = z.object({
  kind: z.literal('boardHeader'),
  questionIndex: z.int().check(z.minimum(0)),
})
export type BoardHeaderMeta = z.infer<typeof boardHeaderMetaSchema>

/** A note is a tldraw `note` shape whose parent is its board (or a cluster on it). */
export const noteMetaSchema = z.extend(authorSchema, {
  kind: z.literal('note'),
  /** ISO timestamp of creation. */
  createdAt: z.iso.datetime(),
  /**
   * "Verdeckt sammeln": the note was posted while hidden mode was on; its text stays on the server
   * (the note's text is empty) until the moderator reveals, which removes this flag.
   */
  sealed: z.optional(z.boolean()),
})
export type NoteMeta = z.infer<typeof noteMetaSchema>

/** A cluster is a tldraw `frame` inside a board; its label is the frame's `name`, its notes are its children. */
export const clusterMetaSchema = z.object({
  kind: z.literal('cluster'),
})
export type ClusterMeta = z.infer<typeof clusterMetaSchema>

export type PinnwandMeta = BoardMeta | BoardHeaderMeta | NoteMeta | ClusterMeta

/**
 * A meta reader remembered per meta object. Readers validate with zod, and callers read the same
 * metas over and over (the canvas every note's on every render, the export and the gate every
 * note of a document). A record's meta is replaced, never changed, when the record changes (tldraw
 * records are immutable; nothing here writes into a meta), so its identity is a safe key.
 */
function remembered<T>(schema: z.ZodMiniType<T>): (meta: unknown) => T | undefined {
  const cache = new WeakMap<object, T | null>()
  const read = (meta: unknown): T | undefined => {
    const parsed = schema.safeParse(meta)
    return parsed.success ? parsed.data : undefined
  }
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

export const readBoardMeta: (meta: unknown) => BoardMeta | undefined = remembered(boardMetaSchema)
export const readClusterMeta: (meta: unknown) => ClusterMeta | undefined = remembered(clusterMetaSchema)
export const readNoteMeta: (meta: unknown) => NoteMeta | undefined = remembered(noteMetaSchema)
