import { expect, type Locator } from '@playwright/test'

type Box = { x: number; y: number; width: number; height: number }

/** Whether two on-screen boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
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
