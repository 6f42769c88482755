import { useTranslate } from '../i18n/translate.ts'
import type { BoardView } from '../docView/workshopModel.ts'

/** The guiding questions in full as a radio group: on a phone the whole text must be readable. */
export function QuestionPicker({ boards, selected, onSelect }: { boards: BoardView[]; selected: number; onSelect: (questionIndex: number) => void }) {
  const t = useTranslate()
  return (
    <fieldset className="question-picker">
      <legend className="question-picker__legend">{t('phone.chooseQuestion')}</legend>
      {boards.map((board) => (
        <label key={board.id} className="question-picker__option">
          <input
            type="radio"
            name="phone-question"
            value={board.questionIndex}
            data-testid={`phone-question-${board.questionIndex}`}
            checked={board.questionIndex === selected}
            onChange={() => onSelect(board.questionIndex)}
          />
          <span className="question-picker__text">
            <span className="question-picker__number">{board.questionIndex + 1}.</span> {board.question}
            {board.locked && <span className="question-picker__locked"> · {t('list.locked')}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
