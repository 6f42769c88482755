/** Space kept between a shifted panel and the window's edge, in CSS pixels. */
const EDGE_MARGIN = 8

/**
 * How far to move a panel sideways so that it lies inside a viewport `viewportWidth` wide. The
 * export panel hangs from its button's right edge; when the session bar wrapped that button to the
 * left, the panel began off-screen and its buttons were out of reach. A panel wider than the
 * viewport keeps its left edge (its title and close button) in view.
 */
export function shiftIntoViewport(left: number, right: number, viewportWidth: number): number {
  if (left < EDGE_MARGIN) return EDGE_MARGIN - left
  const overhang = right - (viewportWidth - EDGE_MARGIN)
  if (overhang > 0) return -Math.min(overhang, left - EDGE_MARGIN)
  return 0
}
