import * as z from 'zod'
import { PHASES } from '../moderation/moderationState.ts'

/**
 * The export model: a session's results as one typed, versioned value. Every format renders
 * from it, and the JSON format IS it, so this schema is the public, documented JSON format
 * (the README shows {@link exportJsonSchema}). Bump {@link EXPORT_SCHEMA_VERSION} on any change
 * that could break a reader; adding optional information is not such a change.
 */
export const EXPORT_SCHEMA_VERSION = 1

const id = z.string().min(1)
const dots = z.number().int().min(0)

const dotsByRound = z
  .record(id, z.number().int().min(1))
  .optional()
  .describe('Dots in each voting round by round id (rounds without dots left out); present when `rounds` is')

export const exportNoteSchema = z
  .object({
    id: id.describe('tldraw shape id of the note'),
    text: z
      .string()
      .describe(
        'Plain text of the note: paragraphs and hard breaks as newlines, list items as "- " / "1. " with two spaces per nesting level; blank lines at start and end removed',
      ),
    authorName: z.string().describe('Display name the author joined with, or "Teilnehmer:in N" when anonymised'),
    createdAt: z.iso.datetime().describe('Creation time, ISO 8601 in UTC'),
    dots: dots.describe('Dots placed on this note in the counted voting round (see `voting`)'),
    dotsByRound,
    color: z.string().describe('tldraw colour name of the note (the author’s colour)'),
  })
  .strict()
  .meta({ id: 'ExportNote', description: 'A sticky note' })
export type ExportNote = z.infer<typeof exportNoteSchema>

/**
 * A note's or cluster's dots in one round (0 when it got none). Own keys only: a round id is any
 * string, and `{}['constructor']` is not a count.
 */
export function dotsInRound(item: { dotsByRound?: Record<string, number> }, roundId: string): number {
  return item.dotsByRound && Object.hasOwn(item.dotsByRound, roundId) ? item.dotsByRound[roundId]! : 0
}

export const exportClusterSchema = z
  .object({
    id: id.describe('tldraw shape id of the cluster frame'),
    label: z
      .string()
      .describe(
        'The cluster’s name, unique on its board: when clusters share a name (ignoring case and spaces), the first in reading order of the board keeps it and the others get " (2)", " (3)", … (unnamed ones "(ohne Titel) (2)", …); may be empty (an unnamed cluster)',
      ),
    name: z
      .string()
      .optional()
      .describe('Name of the cluster frame on the canvas; present only when `label` differs from it (another cluster of the board has the same name)'),
    dots: dots.describe('Dots placed on the cluster itself (not those of its notes) in the counted voting round (see `voting`)'),
    dotsByRound,
    notes: z.array(exportNoteSchema).describe('Notes in the cluster in reading order of their places: rows top to bottom, left to right'),
  })
  .strict()
  .meta({ id: 'ExportCluster', description: 'A named group of notes on a board (a frame on the canvas)' })
export type ExportCluster = z.infer<typeof exportClusterSchema>

export const rankingEntrySchema = z
  .object({
    place: z.number().int().min(1).describe('1-based place; equal dots share a place (1, 1, 3)'),
    kind: z.enum(['note', 'cluster']),
    id,
    label: z.string().describe('The cluster’s label or the note’s text; empty for a sealed note'),
    dots: dots.min(1),
    sealed: z
      .literal(true)
      .optional()
      .describe(
        'Present on a note posted hidden and not yet revealed (see `sealedNotes`): it is ranked by its dots like any note, but its text is not in the document, so `label` is empty and the note is in no cluster’s or board’s notes',
      ),
  })
  .strict()
  .meta({ id: 'RankingEntry', description: 'A note or cluster in the voting result of its board' })
export type RankingEntry = z.infer<typeof rankingEntrySchema>

export const exportBoardSchema = z
  .object({
    id: id.describe('tldraw shape id of the board frame'),
    questionIndex: z.number().int().min(0).describe('0-based position of the guiding question in the template'),
    question: z.string().describe('The guiding question, verbatim from the template'),
    clusters: z
      .array(exportClusterSchema)
      .describe('Clusters on the board in reading order of their places (rows top to bottom, left to right); a nested cluster right after the one it sits in'),
    unclusteredNotes: z.array(exportNoteSchema).describe('Notes on the board outside any cluster, in reading order of their places'),
    ranking: z
      .array(rankingEntrySchema)
      .describe('Notes and clusters of the board with at least one dot, most dots first; ties in order of creation'),
    rankingByRound: z
      .record(id, z.array(rankingEntrySchema))
      .optional()
      .describe('The ranking of each voting round by round id, in round order (empty: no dots on this board in that round); present when `rounds` is'),
  })
  .strict()
  .meta({ id: 'ExportBoard', description: 'One guiding question with its notes' })
export type ExportBoard = z.infer<typeof exportBoardSchema>

const isoTime = z.iso.datetime()

export const exportRoundSchema = z
  .object({
    number: z.number().int().min(1).describe('1-based number in the order the rounds were held ("Runde 1, 2, …")'),
    roundId: id,
    current: z
      .boolean()
      .describe('The moderation state’s round (`voting`), always the last one: the `dots` figures count its dots'),
    status: z
      .enum(['running', 'ended'])
      .describe('running: participants may still place dots; ended: ended by the moderator or replaced by a later round'),
    startedAt: isoTime.nullable().describe('Start of the round (UTC); null for a round known from its dots only (see ExportRound)'),
    endedAt: isoTime.nullable().describe('End of the round (UTC): when the moderator ended it or a later round replaced it; null while it runs and for a round known from its dots only'),
    settings: z
      .object({
        dotsPerParticipant: z.number().int().min(1),
        maxPerTarget: z.number().int().min(1).nullable().describe('Most dots per note or cluster and participant; null: no limit'),
        hideResults: z.boolean().describe('Participants saw only their own dots while the round ran'),
      })
      .strict()
      .nullable()
      .describe('The round’s settings; null for a round known from its dots only'),
    dotsCast: dots.describe(
      'Dots of this round on notes and clusters that exist (also those left out of this export); dots on a removed note or cluster do not count',
    ),
    voters: dots.describe('Participants who placed at least one of those dots'),
    firstDotAt: isoTime.nullable().describe('Time of the round’s first dot (UTC); null when it has none'),
    lastDotAt: isoTime.nullable().describe('Time of the round’s last dot (UTC); null when it has none'),
  })
  .strict()
  .meta({
    id: 'ExportRound',
    description:
      'A voting round. Rounds come from the moderation state (the current round and the rounds it replaced, with their times and settings, also without dots) and, for sessions from before Pinnwand kept replaced rounds, from their dots alone: those come first, ordered by their first dot',
  })
export type ExportRound = z.infer<typeof exportRoundSchema>

export const workshopExportSchema = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    sessionId: id,
    exportedAt: z.iso.datetime().describe('Time of the export, ISO 8601 in UTC'),
    workshop: z
      .object({
        title: z.string(),
        subtitle: z.string(),
      })
      .strict(),
    options: z
      .object({
        anonymise: z.boolean().describe('Author names were replaced by "Teilnehmer:in 1, 2, …"'),
        includeEmpty: z.boolean().describe('Notes without text are included'),
      })
      .strict(),
    phase: z.enum(PHASES).describe('Workshop phase at export time'),
    voting: z
      .object({
        roundId: id,
        status: z.enum(['running', 'ended']),
      })
      .strict()
      .nullable()
      .describe('The voting round whose dots are counted; null when no round was started (then every dot counts)'),
    rounds: z
      .array(exportRoundSchema)
      .optional()
      .describe(
        'Every voting round in the order they were held, present only when there was more than one (with one, `voting` and the `dots` figures tell it all)',
      ),
    notesHidden: z.boolean().describe('Hidden collection ("Verdeckt sammeln") is on'),
    sealedNotes: z
      .number()
      .int()
      .min(0)
      .describe(
        'Notes posted hidden and not yet revealed: their text is not in the document, so they are left out of the notes; those with dots are in the ranking, marked `sealed`',
      ),
    boards: z.array(exportBoardSchema).describe('One board per guiding question, in template order'),
    notesOutsideBoards: z
      .array(exportNoteSchema)
      .describe('Notes that were moved off every board, in reading order of their places; usually empty'),
  })
  .strict()
  .meta({ title: 'Pinnwand workshop export', description: 'The results of one Pinnwand session' })
export type WorkshopExport = z.infer<typeof workshopExportSchema>

/** The export format as JSON Schema (draft 2020-12), for the README and for readers in other languages. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workshopExportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>
}
