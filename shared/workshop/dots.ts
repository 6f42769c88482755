import * as z from 'zod/mini'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore } from '../doc/documentLayout.ts'
import { isCluster, isNote } from './workshopRecords.ts'

/**
 * Dots of dot voting, each its own entry in `doc.getMap('dots')` keyed by a random dot id.
 * Records are stored whole, so two people dotting one note at once would overwrite each
 * other if dots were a field of the note; as separate keys both count.
 */
export const DOTS_MAP_NAME = 'dots'

export const dotSchema = z.strictObject({
  voterId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** A note or cluster shape id. */
  targetId: z.string().check(z.minLength(1), z.maxLength(100)),
  roundId: z.string().check(z.minLength(1), z.maxLength(64)),
  createdAt: z.iso.datetime(),
})
export type Dot = z.infer<typeof dotSchema>

export function getDotsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DOTS_MAP_NAME)
}

/** All well-formed dots by dot id; malformed entries (which the gate never lets in) are skipped. */
export function readDots(doc: Y.Doc): Map<string, Dot> {
  const dots = new Map<string, Dot>()
  for (const [id, value] of getDotsMap(doc)) {
    const parsed = dotSchema.safeParse(value)
    if (parsed.success) dots.set(id, parsed.data)
  }
  return dots
}

/** Whether a record can carry dots: a note or a cluster. */
export function isDotTarget(record: TLRecord | undefined): boolean {
  return record !== undefined && (isNote(record) || isCluster(record))
}

/**
 * The dots that count: those whose target (a note or cluster) exists. The rule of dot voting for
 * everyone — the voter's budget (client and server gate), the counts on the canvas, the export's
 * totals and rankings. A dot on a note or cluster that was removed (deleted by its author or the
 * moderator, a cluster dissolved) stays in the document but counts for nobody: its voter has it
 * back to place elsewhere. Derived, not deleted, so a note that comes back (the moderator's undo)
 * brings its dots back with it — its voters may then hold more than the round's budget; the
 * budget is only checked when a dot is placed.
 */
export function countingDots(dots: ReadonlyMap<string, Dot>, recordOf: (id: string) => TLRecord | undefined): Map<string, Dot> {
  const counting = new Map<string, Dot>()
  for (const [id, dot] of dots) if (isDotTarget(recordOf(dot.targetId))) counting.set(id, dot)
  return counting
}

/** The document's {@link countingDots} by dot id. */
export function readCountingDots(doc: Y.Doc): Map<string, Dot> {
  const records = getRecordStore(doc)
  return countingDots(readDots(doc), (id) => records.get(id))
}

/** Dots per note or cluster, optionally only of one voting round. */
export function countDotsByTarget(dots: Iterable<Dot>, roundId?: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const dot of dots) {
    if (roundId !== undefined && dot.roundId !== roundId) continue
    counts.set(dot.targetId, (counts.get(dot.targetId) ?? 0) + 1)
  }
  return counts
}

/**
 * Dots per voting round, then per note or cluster: the results of every round, also of those a
 * later round replaced (starting a round keeps the earlier rounds' dots in the document).
 */
export function countDotsByRoundAndTarget(dots: Iterable<Dot>): Map<string, Map<string, number>> {
  const rounds = new Map<string, Map<string, number>>()
  for (const dot of dots) {
    let counts = rounds.get(dot.roundId)
    if (!counts) rounds.set(dot.roundId, (counts = new Map()))
    counts.set(dot.targetId, (counts.get(dot.targetId) ?? 0) + 1)
  }
  return rounds
}
