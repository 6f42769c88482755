import { expect, type Locator } from '@playwright/test'

export type Box = { x: number; y: number; width: number; height: number }

/** Whether two on-screen boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Whether `inner` lies entirely within `outer` (1 px of rounding allowed): e.g. a note its cluster's frame does not clip. */
export function boxHolds(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  )
}

/** The on-screen box of a visible element. */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  expect(box, `box of ${locator}`).not.toBeNull()
  return box!
}

/** The texts of those elements of `candidates` whose box overlaps that of `cover`. */
export async function coveredBy(cover: Locator, candidates: Locator): Promise<string[]> {
  const coverBox = await boxOf(cover)
  const covered: string[] = []
  for (const candidate of await candidates.all()) {
    const box = await candidate.boundingBox()
    if (box && boxesOverlap(coverBox, box)) covered.push((await candidate.textContent()) ?? '')
  }
  return covered
}
