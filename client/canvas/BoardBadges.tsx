import { useEditor, useValue } from 'tldraw'
import { useTranslate } from '../i18n/translate.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { pageBoards } from './pageBoards.ts'

/** Just inside the board's bottom left corner, at the same distance as "+ Karte" keeps from the right one. */
const BOTTOM_LEFT_INSIDE = 'translate(8px, calc(-100% - 8px))'

/**
 * "Gesperrt" in the bottom left corner of every locked board, for everyone ("+ Karte" has the
 * bottom right). At the top right it lay over the board's question.
 */
export function BoardBadges() {
  const editor = useEditor()
  const t = useTranslate()
  const { moderation } = useCanvasModeration()
  const locked = moderation.lockedBoards
  const badges = useValue(
    'locked board badges',
    () =>
      pageBoards(editor)
        .filter((board) => locked.includes(board.id))
        .map((board) => ({ board, corner: editor.pageToViewport({ x: board.x, y: board.y + board.props.h }) })),
    [editor, locked],
  )
  return (
    <>
      {badges.map(({ board, corner }) => (
        <span
          key={board.id}
          className="board-badge board-badge--locked"
          data-testid={`board-locked-${board.meta.questionIndex}`}
          style={{ left: corner.x, top: corner.y, transform: BOTTOM_LEFT_INSIDE }}
        >
          {t('board.lockedBadge')}
        </span>
      ))}
    </>
  )
}
