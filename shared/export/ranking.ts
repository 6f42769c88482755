import type { RankingEntry } from './exportSchema.ts'

/** Something that can be ranked: a note or a cluster with its dots and when it came into being. */
export interface RankCandidate {
  kind: RankingEntry['kind']
  id: string
  label: string
  dots: number
  /**
   * ISO time that orders ties: a note's creation time; for a cluster its oldest note's (clusters
   * carry no creation time of their own). `null` sorts last.
   */
  createdAt: string | null
  /** A sealed note (hidden mode, not yet revealed): ranked like any note, its text unknown here. */
  sealed?: boolean
}

/**
 * The voting result of one board: candidates with at least one dot, most dots first. Ties keep
 * the order of creation (then clusters before notes, then id, so the result never depends on
 * input order) and share a place in standard competition ranking (1, 1, 3).
 */
export function rankByDots(candidates: readonly RankCandidate[]): RankingEntry[] {
  const sorted = candidates
    .filter((candidate) => candidate.dots > 0)
    .sort(
      (a, b) =>
        b.dots - a.dots ||
        compareCreation(a.createdAt, b.createdAt) ||
        (a.kind === b.kind ? 0 : a.kind === 'cluster' ? -1 : 1) ||
        compareStrings(a.id, b.id),
    )
  // Sorted by dots, so a tie group starts where the dots last changed: one pass, not a search per
  // entry (that was O(n²): seconds for a board of thousands of dotted notes).
  let place = 0
  return sorted.map((candidate, position) => {
    if (position === 0 || sorted[position - 1]!.dots !== candidate.dots) place = position + 1
    const entry: RankingEntry = { place, kind: candidate.kind, id: candidate.id, label: candidate.label, dots: candidate.dots }
    return candidate.sealed ? { ...entry, sealed: true } : entry
  })
}

function compareCreation(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return Date.parse(a) - Date.parse(b)
}

/** Code-unit order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
