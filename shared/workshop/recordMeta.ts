import * as z from 'zod'

/**
 * What Pinnwand adds to tldraw records, in their `meta` field. tldraw keeps `meta` opaque, so
 * every part (client, server, export) reads it through these schemas and never guesses.
 */
export const AUTHOR_NAME_MAX_LENGTH = 60
export const ANONYMOUS_NAME = 'anonym'

export const authorSchema = z.object({
  authorId: z.string().min(1).max(64),
  authorName: z.string().trim().min(1).max(AUTHOR_NAME_MAX_LENGTH),
})
export type Author = z.infer<typeof authorSchema>

/** A board is a tldraw `frame`: the structural parent of one question's notes. */
export const boardMetaSchema = z.object({
  kind: z.literal('board'),
  questionIndex: z.number().int().min(0),
})
export type BoardMeta = z.infer<typeof boardMetaSchema>

/** The board's header is a locked `text` shape inside it holding the full question text. */
export const boardHeaderMetaSchema = z.object({
  kind: z.literal('boardHeader'),
  questionIndex: z.number().int().min(0),
})
export type BoardHeaderMeta = z.infer<typeof boardHeaderMetaSchema>

/** A note is a tldraw `note` shape whose parent is its board (or a cluster on it). */
export const noteMetaSchema = authorSchema.extend({
  kind: z.literal('note'),
  /** ISO timestamp of creation. */
  createdAt: z.iso.datetime(),
  /**
   * "Verdeckt sammeln": the note was posted while hidden mode was on; its text stays on the server
   * (the note's text is empty) until the moderator reveals, which removes this flag.
   */
  sealed: z.boolean().optional(),
})
export type NoteMeta = z.infer<typeof noteMetaSchema>

/** A cluster is a tldraw `frame` inside a board; its label is the frame's `name`, its notes are its children. */
export const clusterMetaSchema = z.object({
  kind: z.literal('cluster'),
})
export type ClusterMeta = z.infer<typeof clusterMetaSchema>

export type PinnwandMeta = BoardMeta | BoardHeaderMeta | NoteMeta | ClusterMeta

export function readBoardMeta(meta: unknown): BoardMeta | undefined {
  const parsed = boardMetaSchema.safeParse(meta)
  return parsed.success ? parsed.data : undefined
}

export function readClusterMeta(meta: unknown): ClusterMeta | undefined {
  const parsed = clusterMetaSchema.safeParse(meta)
  return parsed.success ? parsed.data : undefined
}

export function readNoteMeta(meta: unknown): NoteMeta | undefined {
  const parsed = noteMetaSchema.safeParse(meta)
  return parsed.success ? parsed.data : undefined
}
