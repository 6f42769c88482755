import { useTranslate } from '../i18n/translate.ts'
import { useOnlineStore } from '../stores/onlineStore.ts'

/** Up to this many people are named in the header itself; more fold into "N online" with a list to open. */
const NAMED_IN_HEADER = 5

/**
 * Who is here right now, each in their cursor colour. A workshop room of 25 spread its names over
 * a whole header row and pushed the view switch and buttons onto a third; past a handful, the
 * header shows the count and colours, and the names open below it.
 */
export function OnlineList() {
  const t = useTranslate()
  const people = useOnlineStore((state) => state.people)
  const count = <span className="online__count">{t('online.count', { count: people.length })}</span>
  const names = (
    <ul className="online__list" data-testid="online-list">
      {people.map((person) => (
        <li key={person.participantId} className="online__person" title={person.name}>
          <span className="online__swatch" style={{ background: person.color }} aria-hidden="true" />
          <span className="online__name">{person.name}</span>
          {person.isSelf && <span className="online__self"> ({t('online.you')})</span>}
        </li>
      ))}
    </ul>
  )
  if (people.length <= NAMED_IN_HEADER)
    return (
      <section className="online" aria-label={t('online.title')}>
        {count}
        {names}
      </section>
    )
  return (
    <details className="online online--folded" data-testid="online-folded">
      <summary className="online__summary" aria-label={t('online.count', { count: people.length })}>
        {count}
        <span className="online__swatches" aria-hidden="true">
          {people.slice(0, NAMED_IN_HEADER).map((person) => (
            <span key={person.participantId} className="online__swatch" style={{ background: person.color }} />
          ))}
        </span>
      </summary>
      <div className="online__panel">{names}</div>
    </details>
  )
}
