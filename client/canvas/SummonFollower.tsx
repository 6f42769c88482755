import { useEffect, useRef } from 'react'
import { createUserId, useEditor, useValue, type TLShapeId } from 'tldraw'
import { useFollowStore } from '../moderation/followStore.ts'
import { useOnlineStore } from '../stores/onlineStore.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { useCanvasSession } from './canvasSession.ts'
import { zoomToBoardOf } from './pageBoards.ts'

/** How long the view glides to a summoned board. */
const SUMMON_ANIMATION_MS = 500

/**
 * "Alle zu mir" and follow mode, carried out on this person's canvas:
 * - a summon the moderator sends after this canvas opened moves the view onto that board;
 * - with follow mode on, the view follows the moderator's viewport (tldraw's own following of a
 *   live presence); moving the view oneself ends following, and the toggle shows that.
 */
export function SummonFollower() {
  const editor = useEditor()
  const { actor } = useCanvasSession()
  const { moderation } = useCanvasModeration()
  const summon = moderation.summon
  // Summons from before this canvas opened are history, not a request to move now.
  const seenNonce = useRef(summon?.nonce)

  useEffect(() => {
    if (!summon || summon.nonce === seenNonce.current) return
    seenNonce.current = summon.nonce
    if (actor.role === 'moderator') return
    // Following the moderator already brings the view there.
    if (editor.getInstanceState().followingUserId) return
    zoomToBoardOf(editor, summon.boardId as TLShapeId, SUMMON_ANIMATION_MS)
  }, [editor, summon, actor.role])

  const following = useFollowStore((state) => state.following)
  const moderatorIds = useOnlineStore((state) =>
    state.people
      .filter((person) => person.role === 'moderator' && !person.isSelf)
      .map((person) => person.participantId)
      .join(','),
  )
  // The moderator's live presence (cursor and viewport), when one is on the canvas.
  const leader = useValue(
    'moderator presence',
    () => {
      const ids = new Set(moderatorIds.split(',').filter(Boolean).map((id) => createUserId(id)))
      return editor.getCollaborators().find((presence) => ids.has(presence.userId))?.userId ?? null
    },
    [editor, moderatorIds],
  )
  const followingUserId = useValue('following user', () => editor.getInstanceState().followingUserId, [editor])
  const started = useRef(false)

  useEffect(() => {
    if (actor.role === 'moderator') return
    if (!following) {
      if (started.current) editor.stopFollowingUser()
      started.current = false
      return
    }
    if (!leader) {
      started.current = false // wait for the moderator to (re)appear
      return
    }
    if (followingUserId === leader) return
    if (started.current && followingUserId === null) {
      // tldraw stops following when the person pans or zooms themselves: follow mode is off.
      started.current = false
      useFollowStore.getState().setFollowing(false)
      return
    }
    editor.startFollowingUser(leader)
    started.current = editor.getInstanceState().followingUserId === leader
  }, [editor, actor.role, following, leader, followingUserId])

  useEffect(() => () => useFollowStore.getState().setFollowing(false), [])
  return null
}
