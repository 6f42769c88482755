import { describe, expect, it } from 'vitest'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'

const fixture = serverForThisFile()

describe('notes posted at the same moment', () => {
  it('lie each on a spot of its own once the server has seen them, for everyone', async () => {
    const session = await createSession(fixture.server.origin)
    const people = await Promise.all(['Anna', 'Ben', 'Cem'].map((name) => join(fixture.server.origin, session.id, name)))
    const phones = people.map((person) => fixture.client(session.id, { participant: person.participantToken }))
    const observer = fixture.client(session.id)
    await Promise.all([...phones, observer].map((phone) => phone.synced()))

    // Each phone picks the first free slot of its own copy, before it has seen the others' notes.
    const posted = phones.map((phone, index) => addNote(phone.doc, { authorId: people[index]!.participantId, authorName: people[index]!.name }, `Karte ${index + 1}`))
    expect(new Set(posted.map((note) => `${note.x},${note.y}`)).size).toBe(1)

    const spots = (doc: typeof observer.doc) => {
      const notes = readRecords(doc).filter(isNote)
      return notes.length === 3 ? new Set(notes.map((note) => `${note.x},${note.y}`)).size : 0
    }
    await waitFor('three notes on three spots for the observer', () => spots(observer.doc) === 3)
    for (const phone of phones) await waitFor('three notes on three spots on each phone', () => spots(phone.doc) === 3)
  })

  it('leaves an empty note where it is (its author is about to type into it on the canvas)', async () => {
    const session = await createSession(fixture.server.origin)
    const people = await Promise.all(['Anna', 'Ben'].map((name) => join(fixture.server.origin, session.id, name)))
    const [a, b] = people.map((person) => fixture.client(session.id, { participant: person.participantToken }))
    await Promise.all([a!.synced(), b!.synced()])
    addNote(a!.doc, { authorId: people[0]!.participantId, authorName: 'Anna' }, 'Karte')
    addNote(b!.doc, { authorId: people[1]!.participantId, authorName: 'Ben' }, '')
    await waitFor('both notes on both', () => readRecords(a!.doc).filter(isNote).length === 2 && readRecords(b!.doc).filter(isNote).length === 2)
    // Give the server the time it would take to move one (it moves in the same tick it stores).
    await new Promise((resolve) => setTimeout(resolve, 300))
    const notes = readRecords(a!.doc).filter(isNote)
    expect(new Set(notes.map((note) => `${note.x},${note.y}`)).size).toBe(1)
  })
})
