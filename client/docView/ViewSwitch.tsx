import type { Role } from '../../shared/permissions/participantRules.ts'
import { useTranslate, type MessageKey } from '../i18n/translate.ts'
import { viewsFor, type SessionView } from './viewChoice.ts'
import './viewSwitch.css'

const LABELS: Record<SessionView, MessageKey> = {
  canvas: 'view.canvas',
  list: 'view.list',
  phone: 'view.phone',
}

/** The visible switch between canvas, list and phone view, a group of toggle buttons. */
export function ViewSwitch({ role, view, onChange }: { role: Role; view: SessionView; onChange: (view: SessionView) => void }) {
  const t = useTranslate()
  return (
    <div className="view-switch" role="group" aria-label={t('view.label')}>
      {viewsFor(role).map((candidate) => (
        <button
          key={candidate}
          type="button"
          className="view-switch__button"
          data-testid={`view-${candidate}`}
          aria-pressed={candidate === view}
          onClick={() => onChange(candidate)}
        >
          {t(LABELS[candidate])}
        </button>
      ))}
    </div>
  )
}
