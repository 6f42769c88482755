import type { Editor } from 'tldraw'
import { create } from 'zustand'

interface EditorState {
  /** The tldraw editor of the canvas on screen; null while no canvas is mounted. */
  editor: Editor | null
  /** Called from the canvas's onMount; the entry clears itself when that editor unmounts. */
  setEditor: (editor: Editor) => void
}

/**
 * Lets parts outside the canvas (the export panel's pictures) reach the tldraw editor, which
 * only exists inside `<Tldraw>`. A type-only import: this store does not pull tldraw into the
 * bundle of views without a canvas.
 */
export const useEditorStore = create<EditorState>()((set, get) => ({
  editor: null,
  setEditor: (editor) => {
    set({ editor })
    editor.once('unmount', () => {
      if (get().editor === editor) set({ editor: null })
    })
  },
}))

/** The mounted editor, or null (also for one that was disposed without unmounting first). */
export function useLiveEditor(): Editor | null {
  const editor = useEditorStore((state) => state.editor)
  return editor && !editor.isDisposed ? editor : null
}
