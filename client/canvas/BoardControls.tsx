import { useEditor, useValue } from 'tldraw'
import { useTranslate } from '../i18n/translate.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { useCanvasSession } from './canvasSession.ts'
import { addNoteToBoard } from './noteActions.ts'
import { pageBoards } from './pageBoards.ts'
import { useSealedNoteStore } from './sealedNoteStore.ts'

/**
 * "+ Karte" on every board, drawn in front of the canvas at the board's lower right corner so it
 * keeps a readable size at any zoom and follows the board when the view moves.
 */
export function BoardControls() {
  const editor = useEditor()
  const t = useTranslate()
  const { author, canAddNoteTo } = useCanvasSession()
  // Hidden mode: the note is written in a dialog and posted to the server (SealedNotes.tsx).
  const { postsSealed } = useCanvasModeration()
  const buttons = useValue(
    'board note buttons',
    () => {
      const viewport = editor.getViewportScreenBounds()
      return pageBoards(editor).map((board) => {
        const corner = editor.pageToViewport({ x: board.x + board.props.w, y: board.y + board.props.h })
        const topLeft = editor.pageToViewport({ x: board.x, y: board.y })
        const visible = corner.x > 0 && corner.y > 0 && topLeft.x < viewport.w && topLeft.y < viewport.h
        return { board, x: corner.x, y: corner.y, visible }
      })
    },
    [editor],
  )
  if (!author) return null
  return (
    <>
      {buttons.map(({ board, x, y, visible }) =>
        visible && canAddNoteTo(board.id) ? (
          <button
            key={board.id}
            type="button"
            className="add-note"
            data-testid={`add-note-${board.meta.questionIndex}`}
            aria-label={t('board.addNoteLabel', { question: board.props.name })}
            title={t('board.addNoteShortcut')}
            style={{ left: x, top: y }}
            onClick={() =>
              postsSealed ? useSealedNoteStore.getState().compose(board.meta.questionIndex) : addNoteToBoard(editor, board, author)
            }
          >
            {t('board.addNote')}
          </button>
        ) : null,
      )}
    </>
  )
}
