import { describe, expect, it } from 'vitest'
import { shiftIntoViewport } from './shiftIntoViewport.ts'

describe('shiftIntoViewport', () => {
  it('leaves a panel inside the viewport where it is', () => {
    expect(shiftIntoViewport(900, 1316, 1400)).toBe(0)
  })

  it('moves a panel that starts left of the viewport to the right, off the edge', () => {
    expect(shiftIntoViewport(-321, 95, 1400)).toBe(329)
  })

  it('moves a panel that ends right of the viewport to the left', () => {
    expect(shiftIntoViewport(100, 300, 250)).toBe(-58)
  })

  it('keeps the left edge of a panel wider than the viewport in view', () => {
    expect(shiftIntoViewport(20, 520, 400)).toBe(-12)
  })
})
