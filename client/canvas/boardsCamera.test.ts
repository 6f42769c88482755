import { describe, expect, it } from 'vitest'
import { boardsCamera } from './boardsCamera.ts'

describe('boardsCamera', () => {
  const viewport = { w: 1400, h: 800 }

  it('fits the boards plus the toolbar reserve, centred, with the inset', () => {
    const boards = { x: 100, y: 50, w: 4000, h: 1000 }
    const { x, y, z } = boardsCamera(boards, viewport)
    // Width decides: (1400 - 48) / 4000.
    expect(z).toBeCloseTo(1352 / 4000, 10)
    // The boards' centre is on the screen's centre horizontally…
    expect((boards.x + boards.w / 2 + x) * z).toBeCloseTo(viewport.w / 2, 6)
    // …and vertically once the reserve (72 px on screen) is added below them.
    expect((boards.y + (boards.h + 72 / z) / 2 + y) * z).toBeCloseTo(viewport.h / 2, 6)
  })

  it('keeps the toolbar reserve when the height decides', () => {
    const boards = { x: 0, y: 0, w: 1000, h: 2000 }
    const { y, z } = boardsCamera(boards, viewport)
    // The boards' bottom edge ends at least 72 px above the screen's bottom.
    expect((boards.h + y) * z).toBeLessThanOrEqual(viewport.h - 72 + 1e-6)
  })

  it('keeps more room on a canvas narrower than tldraw’s tablet breakpoint, where its toolbar has two rows', () => {
    const boards = { x: 0, y: 0, w: 1000, h: 2000 }
    const narrow = { w: 700, h: 800 }
    const { y, z } = boardsCamera(boards, narrow)
    expect((boards.h + y) * z).toBeLessThanOrEqual(narrow.h - 96 + 1e-6)
    expect((boards.h + y) * z).toBeGreaterThan(narrow.h - 96 - 24 - 1)
  })

  it('stays within the zoom steps', () => {
    expect(boardsCamera({ x: 0, y: 0, w: 10, h: 10 }, viewport).z).toBe(8)
    expect(boardsCamera({ x: 0, y: 0, w: 1e6, h: 1e6 }, viewport).z).toBe(0.05)
    expect(boardsCamera({ x: 0, y: 0, w: 1e6, h: 1e6 }, viewport, [0.1, 1]).z).toBe(0.1)
  })
})
