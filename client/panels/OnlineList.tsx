import { useTranslate } from '../i18n/translate.ts'
import { useOnlineStore } from '../stores/onlineStore.ts'

/** Who is here right now, each in their cursor colour. */
export function OnlineList() {
  const t = useTranslate()
  const people = useOnlineStore((state) => state.people)
  return (
    <section className="online" aria-label={t('online.title')}>
      <span className="online__count">{t('online.count', { count: people.length })}</span>
      <ul className="online__list" data-testid="online-list">
        {people.map((person) => (
          <li key={person.participantId} className="online__person" title={person.name}>
            <span className="online__swatch" style={{ background: person.color }} aria-hidden="true" />
            {person.name}
            {person.isSelf && <span className="online__self"> ({t('online.you')})</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
