import type { ComponentType } from 'react'
import { ArrowShapeUtil, DrawShapeUtil, GeoShapeUtil, useEditor, useValue, type Editor, type TLShapeUtilCanvasSvgDef } from 'tldraw'

/**
 * tldraw's canvas always mounts the SVG pattern for the "pattern" fill of geo, draw and arrow
 * shapes, and drawing it paints 18 canvases of up to 2048 px square on the main thread, for
 * every zoom level from 5% to 800%: on a board of notes (which have no fill) that was a third
 * of a second of a canvas's opening, for a fill nobody uses. These shape utils keep tldraw's
 * pattern but mount it only while some shape on the page is pattern-filled (a moderator can
 * still paste one); everything else about the shapes is tldraw's.
 */
export class PatternOnDemandGeoShapeUtil extends GeoShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return onDemand(super.getCanvasSvgDefs())
  }
}

export class PatternOnDemandDrawShapeUtil extends DrawShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return onDemand(super.getCanvasSvgDefs())
  }
}

export class PatternOnDemandArrowShapeUtil extends ArrowShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return onDemand(super.getCanvasSvgDefs())
  }
}

/** Defs are keyed; the canvas mounts the first def of each key, so every util must wrap it alike. */
const wrapped = new Map<ComponentType, ComponentType>()

function onDemand(defs: TLShapeUtilCanvasSvgDef[]): TLShapeUtilCanvasSvgDef[] {
  return defs.map(({ key, component }) => {
    if (!key.endsWith(':pattern')) return { key, component }
    let whenUsed = wrapped.get(component)
    if (!whenUsed) {
      const Pattern = component
      whenUsed = function PatternFillWhenUsed() {
        const editor = useEditor()
        const used = useValue('pattern fill in use', () => hasPatternFill(editor), [editor])
        return used ? <Pattern /> : null
      }
      wrapped.set(component, whenUsed)
    }
    return { key, component: whenUsed }
  })
}

function hasPatternFill(editor: Editor): boolean {
  return editor.getCurrentPageShapes().some((shape) => (shape.props as { fill?: unknown }).fill === 'pattern')
}
