import { describe, expect, it } from 'vitest'
import { initialView, viewsFor } from './viewChoice.ts'

describe('initialView', () => {
  it('opens the phone view for participants on small screens, the canvas otherwise', () => {
    expect(initialView('participant', true, undefined)).toBe('phone')
    expect(initialView('participant', false, undefined)).toBe('canvas')
    expect(initialView('moderator', true, undefined)).toBe('canvas')
    expect(initialView('viewer', true, undefined)).toBe('canvas')
  })

  it('keeps a remembered choice when the role has that view', () => {
    expect(initialView('participant', true, 'canvas')).toBe('canvas')
    expect(initialView('moderator', false, 'list')).toBe('list')
    expect(initialView('viewer', false, 'phone')).toBe('canvas')
  })

  it('offers the list to every role and the phone view to those who write', () => {
    expect(viewsFor('viewer')).toEqual(['canvas', 'list'])
    expect(viewsFor('participant')).toEqual(['canvas', 'list', 'phone'])
    expect(viewsFor('moderator')).toEqual(['canvas', 'list', 'phone'])
  })
})
