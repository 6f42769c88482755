import { useEditor, useValue } from 'tldraw'
import { useTranslate } from '../i18n/translate.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { pageBoards } from './pageBoards.ts'

/** "Gesperrt" at the top right corner of every locked board, for everyone. */
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
        .map((board) => ({ board, corner: editor.pageToViewport({ x: board.x + board.props.w, y: board.y }) })),
    [editor, locked],
  )
  return (
    <>
      {badges.map(({ board, corner }) => (
        <span
          key={board.id}
          className="board-badge board-badge--locked"
          data-testid={`board-locked-${board.meta.questionIndex}`}
          style={{ left: corner.x, top: corner.y }}
        >
          {t('board.lockedBadge')}
        </span>
      ))}
    </>
  )
}
