import { Group2d, Rectangle2d, Vec } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { LazyGeometry2d } from './lazyGeometry.ts'

describe('LazyGeometry2d', () => {
  const label = () => new Rectangle2d({ x: 20, y: 60, width: 160, height: 80, isFilled: true, isLabel: true, excludeFromShapeBounds: true })
  const options = { isFilled: true, isClosed: true, isLabel: true, excludeFromShapeBounds: true }

  it('computes nothing while a group only needs its bounds', () => {
    let computed = 0
    const lazy = new LazyGeometry2d(() => (computed++, label()), options)
    const group = new Group2d({ children: [new Rectangle2d({ width: 200, height: 200, isFilled: true }), lazy] })
    expect(group.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 200 })
    expect(computed).toBe(0)
  })

  it('answers as the computed geometry, computing it once', () => {
    let computed = 0
    const lazy = new LazyGeometry2d(() => (computed++, label()), options)
    const eager = label()
    for (const point of [new Vec(30, 70), new Vec(5, 5), new Vec(190, 150)]) {
      expect(lazy.hitTestPoint(point, 0, true)).toBe(eager.hitTestPoint(point, 0, true))
      expect(lazy.distanceToPoint(point)).toBeCloseTo(eager.distanceToPoint(point), 10)
    }
    expect(lazy.bounds.toJson()).toEqual(eager.bounds.toJson())
    expect(lazy.bounds.containsPoint(new Vec(30, 70), 0)).toBe(true)
    expect(lazy.getSvgPathData(true)).toBe(eager.getSvgPathData())
    expect(lazy.hitTestLineSegment(new Vec(0, 100), new Vec(200, 100))).toBe(true)
    expect(computed).toBe(1)
  })
})
