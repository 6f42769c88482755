/**
 * The canvas module (tldraw and everything on it, most of the app's JavaScript), loaded once.
 * The session page asks for it as soon as it knows it will show the canvas, so that the module
 * downloads, and tldraw's fonts and translations load, while the session document syncs
 * rather than after it.
 */
type CanvasModule = typeof import('./WorkshopCanvas.tsx')

let loading: Promise<CanvasModule> | undefined

export function loadWorkshopCanvas(): Promise<CanvasModule> {
  loading ??= import('./WorkshopCanvas.tsx')
  return loading
}

/** Starts loading the canvas module and, once it is there, tldraw's fonts and translations for `locale`. */
export function prepareWorkshopCanvas(locale: string): void {
  void loadWorkshopCanvas()
    .then((module) => module.prepareCanvasAssets(locale))
    .catch(() => undefined) // a failed download shows when the canvas itself is rendered
}
