import { useLayoutEffect, useState, type RefObject } from 'react'

export interface WholePixelSize {
  w: number
  h: number
}

/** An element's size rounded down to whole CSS pixels. */
export function wholePixelSize(element: HTMLElement): WholePixelSize {
  const rect = element.getBoundingClientRect()
  return { w: Math.floor(rect.width), h: Math.floor(rect.height) }
}

/**
 * Follows an element's size in whole CSS pixels (null until measured). The canvas is sized with
 * it: tldraw gives its overlay canvas (hover and selection outlines) a bitmap of whole pixels, so
 * in a box 811.06 px high the browser scales a 812 px bitmap into it on every frame of a pan,
 * which in software compositing (no GPU) cost as much again as drawing all the notes.
 */
export function useWholePixelSize(ref: RefObject<HTMLElement | null>): WholePixelSize | null {
  const [size, setSize] = useState<WholePixelSize | null>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const update = () => {
      const next = wholePixelSize(element)
      setSize((current) => (current && current.w === next.w && current.h === next.h ? current : next))
    }
    update()
    const observer = new ResizeObserver(update)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}
