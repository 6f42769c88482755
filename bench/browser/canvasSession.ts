import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { FullClient } from '../load/fullClient.ts'
import { flushed, type Target } from '../servers/targets.ts'

/** Where a browser opens a session as a joined participant: the URL and the localStorage it needs. */
export interface CanvasSession {
  url: string
  storage: Record<string, string>
}

/**
 * A new session on our server holding `notes`, and a participant "Bench" who joined it: the
 * page opens straight onto the canvas (stored credentials), as a returning participant would.
 */
export async function openCanvasSession(target: Target, notes: readonly NoteShape[]): Promise<CanvasSession> {
  const session = await target.createSession()
  const writer = new FullClient(session.moderator)
  await writer.whenSynced(60_000)
  for (let i = 0; i < notes.length; i += 250) writer.write(notes.slice(i, i + 250))
  await flushed(writer, 300)
  writer.destroy()
  const participant = await target.join(session.id, 'Bench')
  const credentials = { participantId: participant.author.authorId, participantToken: participant.params.participant, name: 'Bench' }
  return {
    url: `${target.server.origin}/s/${session.id}`,
    storage: { [`pinnwand:participant:${session.id}`]: JSON.stringify(credentials), 'pinnwand:name': 'Bench' },
  }
}
