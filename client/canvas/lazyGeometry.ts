import { Geometry2d, type Box, type Geometry2dFilters, type Geometry2dOptions, type Vec, type VecLike } from 'tldraw'

/**
 * A geometry whose real shape is computed on first use. tldraw computes every shape's geometry
 * when it builds its spatial index (at load, for every note), but a note's label rectangle
 * needs a DOM text measurement and only matters when someone clicks or edits that very note;
 * its bounds never count towards the note's (`excludeFromShapeBounds`). Wrapping it defers the
 * measurement from "all notes at load" to "the few notes someone touches".
 */
export class LazyGeometry2d extends Geometry2d {
  private resolved: Geometry2d | undefined

  constructor(
    private readonly compute: () => Geometry2d,
    options: Geometry2dOptions,
  ) {
    super(options)
  }

  private get inner(): Geometry2d {
    this.resolved ??= this.compute()
    return this.resolved
  }

  override getVertices(filters: Geometry2dFilters): Vec[] {
    return this.inner.getVertices(filters)
  }

  override nearestPoint(point: VecLike, filters?: Geometry2dFilters): Vec {
    return this.inner.nearestPoint(point, filters)
  }

  override getSvgPathData(first: boolean): string {
    return this.inner.getSvgPathData(first)
  }

  override hitTestPoint(point: VecLike, margin?: number, hitInside?: boolean, filters?: Geometry2dFilters): boolean {
    return this.inner.hitTestPoint(point, margin, hitInside, filters)
  }

  override distanceToPoint(point: VecLike, hitInside?: boolean, filters?: Geometry2dFilters): number {
    return this.inner.distanceToPoint(point, hitInside, filters)
  }

  override hitTestLineSegment(A: VecLike, B: VecLike, distance?: number, filters?: Geometry2dFilters): boolean {
    return this.inner.hitTestLineSegment(A, B, distance, filters)
  }

  override getBounds(): Box {
    return this.inner.bounds
  }

  override getLength(filters?: Geometry2dFilters): number {
    return this.inner.getLength(filters)
  }
}
