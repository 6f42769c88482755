import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordStore, RECORDS_ARRAY_NAME } from '../../shared/doc/documentLayout.ts'
import type { RecordEntry } from '../../shared/doc/recordStore.ts'
import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'

/**
 * Two writes of one record made at the same time leave two entries with one key in the records
 * array until a record store removes the older one. That clean-up must not cost a bystander its
 * connection: it is not a delete of someone else's note.
 */
const fixture = serverForThisFile()

function entriesOf(doc: Y.Doc, key: string): number {
  return doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME).toArray().filter((entry) => entry.key === key).length
}

it('a participant who sees two moderators move one note at once stays connected', async () => {
  const session = await createSession(fixture.server.origin)
  const moderator = await join(fixture.server.origin, session.id, 'Moderation')
  const bystander = await join(fixture.server.origin, session.id, 'Ben')
  const open = (params: { token?: string; participant?: string }) => fixture.client(session.id, params)
  const first = open({ token: session.moderatorToken, participant: moderator.participantToken })
  const second = open({ token: session.moderatorToken, participant: moderator.participantToken })
  const ben = open({ participant: bystander.participantToken })
  await Promise.all([first.synced(), second.synced(), ben.synced()])

  const note = addNote(first.doc, { authorId: moderator.participantId, authorName: 'Moderation' }, 'Gemeinsam')
  await waitFor('both moderators and Ben to have the note', () => second.hasNote(note.id) && ben.hasNote(note.id))

  // Both moderators move the note while apart, then meet again through the server.
  first.provider.disconnect()
  second.provider.disconnect()
  for (const [client, x] of [[first, 400], [second, 600]] as const) {
    const store = getRecordStore(client.doc)
    store.set({ ...(store.get(note.id) as NoteShape), x })
  }
  first.provider.connect()
  second.provider.connect()
  await waitFor('the duplicate to be cleaned up everywhere', () =>
    [first, second, ben].every((client) => client.provider.synced && entriesOf(client.doc, note.id) === 1),
  )

  // Ben's own note passes the server after anything Ben sent before, so the check below sees it all.
  const own = addNote(ben.doc, { authorId: bystander.participantId, authorName: 'Ben' }, 'Danach')
  await waitFor('Ben’s later note to reach a moderator', () => first.hasNote(own.id))
  expect(ben.closes.filter((close) => close.code === 4001)).toEqual([])
  expect(ben.denied).toEqual([])
  const xs = [first, second, ben].map((client) => (getRecordStore(client.doc).get(note.id) as NoteShape).x)
  expect(new Set(xs).size).toBe(1)
})
