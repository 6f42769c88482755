import { describe, expect, it } from 'vitest'
import { renderTable } from './table.ts'
import { concat, summarize } from './stats.ts'

describe('latency summary', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index) // 100 … 1
    expect(summarize(samples)).toEqual({ samples: 100, p50: 51, p95: 96, p99: 100, max: 100 })
    // A single slow sample among 1,000 is above p99 and only shows as the max.
    const mostlyFast = [...Array.from({ length: 999 }, () => 5), 400]
    expect(summarize(mostlyFast)).toMatchObject({ p99: 5, max: 400 })
  })

  it('says nothing for no samples, and joins sample arrays in order', () => {
    expect(summarize([])).toMatchObject({ samples: 0, p50: Number.NaN, max: Number.NaN })
    expect(Array.from(concat([Float64Array.of(1, 2), Float64Array.of(), Float64Array.of(3)]))).toEqual([1, 2, 3])
  })
})

describe('results table', () => {
  it('shows ours / reference as the ratio, n/a for a figure not measured, and each note once', () => {
    const table = renderTable([
      { workload: 'fan-out 200 light', metric: 'latency p99', unit: 'ms', ours: 18.44, reference: 36.88 },
      { workload: 'cold load', metric: 'start → synced', unit: 'ms', ours: 693, reference: null, note: 'the reference has no persistence' },
      { workload: 'cold load', metric: 'warm sync', unit: 'ms', ours: 152, reference: 0 },
    ])
    const lines = table.split('\n')
    expect(lines[2]).toMatch(/^fan-out 200 light\s+latency p99\s+18\.4 ms\s+36\.9 ms\s+0\.50×$/)
    expect(lines[3]).toMatch(/start → synced\s+693 ms\s+n\/a\s*$/)
    // A reference of 0 gives no ratio rather than Infinity.
    expect(lines[4]).toMatch(/warm sync\s+152 ms\s+0\.00 ms\s*$/)
    expect(table.match(/the reference has no persistence/g)).toHaveLength(1)
  })
})
