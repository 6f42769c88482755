import type { ServerConfig } from '../config.ts'
import type { WriteLimits } from '../gate/writeLimits.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'
import type { ParticipantTokens } from '../sessions/participantTokens.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

/** What route modules get to work with: the server's parts, wired once in createPinnwandServer. */
export interface AppContext {
  config: ServerConfig
  store: SessionStore
  rooms: RoomRegistry
  participantTokens: ParticipantTokens
  /** Document size and note rate, also for notes the server writes for participants. */
  writeLimits: WriteLimits
  /** The server clock (injectable for tests; timers and createdAt use it). */
  now: () => Date
}
