import { ratio, type ResultRow } from './rows.ts'

function formatNumber(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'n/a'
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${unit}`.trim()
}

/** The one results table: workload, metric, ours, reference, ratio (ours / reference). */
export function renderTable(rows: readonly ResultRow[]): string {
  const header = ['workload', 'metric', 'ours', 'reference', 'ratio']
  const body = rows.map((row) => {
    const r = ratio(row)
    return [
      row.workload,
      row.metric,
      formatNumber(row.ours, row.unit),
      formatNumber(row.reference, row.unit),
      r === null ? '' : `${r.toFixed(2)}×`,
    ]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => line[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')
  // One line per distinct note of a workload; a note shared by several rows is not repeated.
  const notes: string[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    if (!row.note || seen.has(`${row.workload}\n${row.note}`)) continue
    seen.add(`${row.workload}\n${row.note}`)
    const sameNote = rows.filter((other) => other.workload === row.workload && other.note === row.note)
    const where = sameNote.length > 1 ? row.workload : `${row.workload} / ${row.metric}`
    notes.push(`  * ${where}: ${row.note}`)
  }
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n')
}
