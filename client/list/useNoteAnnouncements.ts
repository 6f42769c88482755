import { useEffect, useRef, useState } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { allNotes, isAnnounceable, newNotesByOthers, type WorkshopView } from '../docView/workshopModel.ts'

/** Quiet time before announcing: canvas notes arrive letter by letter while their author types. */
const SETTLE_MS = 1500
/** Announce at the latest after this, even while others keep typing. */
const MAX_WAIT_MS = 6000

/**
 * The text for the list view's polite live region: new notes by others. Notes present when the
 * view opened are not announced, nor are one's own.
 */
export function useNoteAnnouncements(view: WorkshopView): string {
  const t = useTranslate()
  const known = useRef<Set<string> | null>(null)
  const latest = useRef(view)
  const firstPending = useRef<number | null>(null)
  const [message, setMessage] = useState('')
  latest.current = view

  useEffect(() => {
    const announced = (current: WorkshopView) => new Set(allNotes(current).filter(isAnnounceable).map((note) => note.id))
    if (!known.current) {
      known.current = announced(view)
      return
    }
    const now = Date.now()
    firstPending.current ??= now
    const wait = Math.max(0, Math.min(SETTLE_MS, firstPending.current + MAX_WAIT_MS - now))
    const timer = setTimeout(() => {
      firstPending.current = null
      const current = latest.current
      const fresh = newNotesByOthers(known.current!, current)
      for (const { note } of fresh) known.current!.add(note.id)
      if (fresh.length === 0) return
      setMessage(
        fresh
          .map(({ note, questionIndex }) =>
            note.sealed
              ? t('list.announceNewSealed', { name: note.authorName, number: questionIndex + 1 })
              : t('list.announceNew', { name: note.authorName, number: questionIndex + 1, text: note.text }),
          )
          .join(' '),
      )
    }, wait)
    return () => clearTimeout(timer)
  }, [view, t])
  return message
}
