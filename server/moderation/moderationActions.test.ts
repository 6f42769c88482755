import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readModerationState } from '../../shared/moderation/moderationState.ts'
import { applyModerationAction, type ModerationAction } from './moderationActions.ts'

function moderatedDoc() {
  const doc = new Y.Doc()
  const act = (action: ModerationAction, now: number) => applyModerationAction(doc, action, { now, revealSealedNotes: () => {} })
  return { doc, act }
}

describe('timer and phase changes', () => {
  it('a phase change ends a timer that ran out in the phase before', () => {
    const { doc, act } = moderatedDoc()
    act({ action: 'startTimer', durationMs: 60_000 }, 1_000)
    act({ action: 'setPhase', phase: 'cluster' }, 61_000)
    expect(readModerationState(doc).timer).toBeNull()
  })

  it('starting a voting round (the vote phase) ends a timer that ran out', () => {
    const { doc, act } = moderatedDoc()
    act({ action: 'startTimer', durationMs: 60_000 }, 1_000)
    expect(act({ action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: null, hideResults: false }, 90_000).timer).toBeNull()
  })

  it('a running timer goes on through a phase change, and an expired one stays while the phase stays', () => {
    const { doc, act } = moderatedDoc()
    const running = act({ action: 'startTimer', durationMs: 60_000 }, 1_000).timer
    act({ action: 'setPhase', phase: 'cluster' }, 30_000)
    expect(readModerationState(doc).timer).toEqual(running)
    act({ action: 'setPhase', phase: 'cluster' }, 70_000)
    expect(readModerationState(doc).timer).toEqual(running)
  })
})
