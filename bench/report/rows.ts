/** One line of the results table: one metric of one workload, ours beside the reference. */
export interface ResultRow {
  workload: string
  metric: string
  unit: string
  /** null = not measured for this server (n/a). */
  ours: number | null
  reference: number | null
  /** Why a figure is missing, or what to keep in mind reading it. */
  note?: string
}

export function ratio(row: ResultRow): number | null {
  if (row.ours === null || row.reference === null || !Number.isFinite(row.ours) || !Number.isFinite(row.reference)) return null
  if (row.reference === 0) return null
  return row.ours / row.reference
}
