import { describe, expect, it } from 'vitest'
import { REFUSAL_CODES, refusal, refusalFromText, refusalText, type Refusal, type RefusalCode } from './refusal.ts'

/**
 * One sample refusal per code. The Record type makes a new code without a sample a compile
 * error, so the round trip below covers every code.
 */
const SAMPLES: Record<RefusalCode, Refusal> = {
  readOnlyViewer: refusal('readOnlyViewer'),
  notJoined: refusal('notJoined'),
  onlyNotes: refusal('onlyNotes'),
  noteNeedsBoard: refusal('noteNeedsBoard'),
  boardLocked: refusal('boardLocked'),
  hiddenModeSealedRoute: refusal('hiddenModeSealedRoute'),
  noNewNotesInPhase: refusal('noNewNotesInPhase', { phase: 'vote' }),
  notAuthoredByWriter: refusal('notAuthoredByWriter'),
  authorNameMismatch: refusal('authorNameMismatch'),
  onlyOwnNotesChange: refusal('onlyOwnNotesChange'),
  authorCannotChange: refusal('authorCannotChange'),
  noMoveInPhase: refusal('noMoveInPhase', { phase: 'closed' }),
  regroupOnlyInPhase: refusal('regroupOnlyInPhase', { phase: 'cluster' }),
  noEditInPhase: refusal('noEditInPhase', { phase: 'cluster' }),
  onlyOwnNotesDelete: refusal('onlyOwnNotesDelete'),
  noDeleteInPhase: refusal('noDeleteInPhase', { phase: 'collect' }),
  noVotingRound: refusal('noVotingRound'),
  onlyOwnDotsRemove: refusal('onlyOwnDotsRemove'),
  dotCannotChange: refusal('dotCannotChange'),
  dotByVoter: refusal('dotByVoter'),
  votingRoundEnded: refusal('votingRoundEnded'),
  dotTarget: refusal('dotTarget'),
  dotBudget: refusal('dotBudget', { dots: 5 }),
  dotsPerTarget: refusal('dotsPerTarget', { dots: 2 }),
  updateNotAccepted: refusal('updateNotAccepted', { detail: 'missing struct 12:3' }),
  serverOnlyRoot: refusal('serverOnlyRoot', { root: 'moderation' }),
  malformedRecords: refusal('malformedRecords'),
  malformedDot: refusal('malformedDot', { dotId: 'd-1' }),
  recordKeyMismatch: refusal('recordKeyMismatch', { id: 'shape:a' }),
  invalidRecord: refusal('invalidRecord', { id: 'shape:a', detail: 'At shape.x: Expected number, got a string' }),
  unknownQuestion: refusal('unknownQuestion', { question: 7 }),
  noteGone: refusal('noteGone'),
  noDotHere: refusal('noDotHere'),
  hiddenModeOff: refusal('hiddenModeOff'),
  documentFull: refusal('documentFull', { limit: '1 MiB' }),
  tooManyNotes: refusal('tooManyNotes', { notes: 5 }),
  messageTooBig: refusal('messageTooBig'),
  missingPrerequisites: refusal('missingPrerequisites'),
}

describe('refusal texts', () => {
  it('reads every code’s English text back into the same code and parameters', () => {
    for (const code of REFUSAL_CODES) {
      const sample = SAMPLES[code]
      expect(sample.code).toBe(code)
      expect(refusalFromText(refusalText(sample))).toEqual(sample)
    }
  })

  it('keeps the English texts the server has always sent', () => {
    expect(refusalText(refusal('boardLocked'))).toBe('this board is locked')
    expect(refusalText(refusal('noNewNotesInPhase', { phase: 'vote' }))).toBe('no new notes in phase "vote"')
    expect(refusalText(refusal('dotBudget', { dots: 3 }))).toBe('only 3 dots per participant in this round')
    expect(refusalText(refusal('malformedRecords'))).toBe('records must be {key, val} entries')
  })

  it('reads the write limits’ texts as the gate makes them', () => {
    expect(refusalFromText('too many new notes: at most 5 per minute, please wait a moment')).toEqual(refusal('tooManyNotes', { notes: 5 }))
    expect(refusalFromText('the workshop document is full (limit 2048 bytes); ask the moderation to export it and start a new workshop')).toEqual(
      refusal('documentFull', { limit: '2048 bytes' }),
    )
  })

  it('leaves texts that are no refusal alone', () => {
    expect(refusalFromText('too many new notes: at most many per minute, please wait a moment')).toBeUndefined()
    expect(refusalFromText('no new notes in phase "lunch"')).toBeUndefined()
    expect(refusalFromText('unknown session')).toBeUndefined()
  })

  it('reads a text that starts with a capital letter', () => {
    expect(refusalFromText('This board is locked')).toEqual(refusal('boardLocked'))
  })
})
