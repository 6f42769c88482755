import { PHASES, type Phase } from '../moderation/phases.ts'

/**
 * Every reason the permission policy (and the views that ask it) or a write limit can give for
 * refusing a change, defined once: a machine-readable code, its typed parameters and its English
 * text. The English text is what the server logs and sends (websocket close reason, y-protocols
 * auth message, HTTP error); clients translate the code instead. The server carries the refusal
 * object itself to where it answers and makes the text from it; only clients read a text back
 * into its code (`refusalFromText`, from the same templates), because the server's side of the
 * websocket stays plain text (stock y-websocket clients must keep working).
 *
 * A template names its parameters as `{name}`; `PARAMS` says what kind each one is, so the
 * parameter types and the reading-back follow from this table alone.
 */
const REFUSALS = {
  readOnlyViewer: { en: 'read-only connection (Beamer) cannot change the workshop' },
  notJoined: { en: 'join the session before writing' },
  onlyNotes: { en: 'participants may only write notes' },
  noteNeedsBoard: { en: 'a note must sit on a board or in a cluster' },
  boardLocked: { en: 'this board is locked' },
  hiddenModeSealedRoute: { en: 'notes are collected hidden; post them through the sealed-note route' },
  noNewNotesInPhase: { en: 'no new notes in phase "{phase}"', params: { phase: 'phase' } },
  notAuthoredByWriter: { en: 'a note must be authored by its writer' },
  authorNameMismatch: { en: 'a note must carry the name its writer joined with' },
  onlyOwnNotesChange: { en: 'participants may only change their own notes' },
  authorCannotChange: { en: 'a note’s author cannot change' },
  noMoveInPhase: { en: 'notes cannot be moved in phase "{phase}"', params: { phase: 'phase' } },
  regroupOnlyInPhase: { en: 'notes can be moved into or out of clusters only in phase "{phase}"', params: { phase: 'phase' } },
  noEditInPhase: { en: 'notes cannot be edited in phase "{phase}"', params: { phase: 'phase' } },
  onlyOwnNotesDelete: { en: 'participants may only delete their own notes' },
  noDeleteInPhase: { en: 'notes cannot be deleted in phase "{phase}"', params: { phase: 'phase' } },
  noVotingRound: { en: 'no voting round is running' },
  onlyOwnDotsRemove: { en: 'participants may only remove their own dots' },
  dotCannotChange: { en: 'a placed dot cannot be changed, only removed' },
  dotByVoter: { en: 'a dot must be placed by its voter' },
  votingRoundEnded: { en: 'this voting round has ended' },
  dotTarget: { en: 'dots go on notes or clusters' },
  dotBudget: { en: 'only {dots} dots per participant in this round', params: { dots: 'number' } },
  dotsPerTarget: { en: 'at most {dots} dots on one note or cluster', params: { dots: 'number' } },
  updateNotAccepted: { en: 'update not accepted: {detail}', params: { detail: 'text' } },
  serverOnlyRoot: { en: '"{root}" is written by the server only', params: { root: 'text' } },
  malformedRecords: { en: 'records must be {key, val} entries' },
  malformedDot: { en: 'dot "{dotId}" is malformed', params: { dotId: 'text' } },
  recordKeyMismatch: { en: 'record key "{id}" does not match its id', params: { id: 'text' } },
  invalidRecord: { en: 'invalid record "{id}": {detail}', params: { id: 'text', detail: 'text' } },
  unknownQuestion: { en: 'unknown question {question}', params: { question: 'number' } },
  noteGone: { en: 'this note is gone' },
  noDotHere: { en: 'no dot of yours here' },
  hiddenModeOff: { en: 'hidden mode is off: post notes on the canvas' },
  // The write limits (server/gate/writeLimits.ts); `limit` is the size as shown there ("2 MiB", "98304 bytes").
  documentFull: {
    en: 'the workshop document is full (limit {limit}); ask the moderation to export it and start a new workshop',
    params: { limit: 'text' },
  },
  tooManyNotes: { en: 'too many new notes: at most {notes} per minute, please wait a moment', params: { notes: 'number' } },
  // Made by the client when the server closes with CLOSE_CODES.messageTooBig (its limit cut the message off).
  messageTooBig: { en: 'a change was too large to send to the server' },
  // A client that keeps sending updates building on changes it never sends (server/sync, resync).
  missingPrerequisites: { en: 'update builds on changes the server never received' },
} as const satisfies Record<string, { en: string; params?: Record<string, ParamKind> }>

/** `phase`: one of PHASES; `number`: an integer; `text`: free text (ids, validator messages). */
export type ParamKind = 'phase' | 'number' | 'text'
interface ParamTypes {
  phase: Phase
  number: number
  text: string
}

type Table = typeof REFUSALS
export type RefusalCode = keyof Table
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[]

export type RefusalParams<C extends RefusalCode> = Table[C] extends { params: infer P extends Record<string, ParamKind> }
  ? { [K in keyof P]: ParamTypes[P[K]] }
  : Record<string, never>

/** A refusal: its code and the parameters its text needs. */
export type Refusal = { [C in RefusalCode]: { code: C; params: RefusalParams<C> } }[RefusalCode]

/** The codes that need parameters, so a call site without them does not type-check. */
export type CodesWithParams = { [C in RefusalCode]: Table[C] extends { params: object } ? C : never }[RefusalCode]

/** Builds a refusal; parameters are required exactly where the code's text has some. */
export function refusal<C extends Exclude<RefusalCode, CodesWithParams>>(code: C): Refusal
export function refusal<C extends CodesWithParams>(code: C, params: RefusalParams<C>): Refusal
export function refusal(code: RefusalCode, params: Record<string, unknown> = {}): Refusal {
  return { code, params } as Refusal
}

const PLACEHOLDER = /\{(\w+)\}/g

/** What kind each parameter of `code` is (clients translate `phase` parameters to their labels). */
export function paramKinds(code: RefusalCode): Record<string, ParamKind> {
  const entry: { en: string; params?: Record<string, ParamKind> } = REFUSALS[code]
  return entry.params ?? {}
}

/**
 * A template with its parameters filled in. Only declared parameters are placeholders, so other
 * braces (e.g. "{key, val}") stay literal text. The API errors' texts are filled the same way.
 */
export function fillTemplate(template: string, kinds: Readonly<Record<string, unknown>>, params: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (match, name: string) => (name in kinds ? String(params[name]) : match))
}

/** The English text of a refusal (what the server logs and sends). */
export function refusalText(refusal: Refusal): string {
  return fillTemplate(REFUSALS[refusal.code].en, paramKinds(refusal.code), refusal.params as Record<string, string | number>)
}

const PARAM_PATTERNS: Record<ParamKind, string> = {
  phase: `(${PHASES.join('|')})`,
  number: '(-?\\d+)',
  text: '([\\s\\S]+)',
}

/** One anchored pattern per code, built from its template: literal text, one group per parameter. */
const READERS = REFUSAL_CODES.map((code) => {
  const kinds = paramKinds(code)
  const names: string[] = []
  const template = REFUSALS[code].en
  let pattern = ''
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!
    if (!(name in kinds)) continue // e.g. "{key, val}" is literal text
    pattern += escapeRegExp(template.slice(last, match.index)) + PARAM_PATTERNS[kinds[name]!]
    names.push(name)
    last = match.index + match[0].length
  }
  pattern += escapeRegExp(template.slice(last))
  return { code, kinds, names, pattern: new RegExp(`^${pattern}$`) }
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The refusal a text was made from, or undefined when it is no refusal text (other server
 * messages). Case-insensitive in its first letter, so a text used as a sentence still reads. For
 * clients reading the websocket's texts; server code passes the refusal object instead.
 */
export function refusalFromText(text: string): Refusal | undefined {
  const candidate = text.trim()
  const variants = [candidate, candidate.charAt(0).toLowerCase() + candidate.slice(1)]
  for (const variant of variants)
    for (const reader of READERS) {
      const match = reader.pattern.exec(variant)
      if (!match) continue
      const params: Record<string, string | number> = {}
      reader.names.forEach((name, index) => {
        const value = match[index + 1]!
        params[name] = reader.kinds[name] === 'number' ? Number(value) : value
      })
      return { code: reader.code, params } as Refusal
    }
  return undefined
}
