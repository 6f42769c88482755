import { BoardBadges } from './BoardBadges.tsx'
import { useCanvasSession } from './canvasSession.ts'
import { ClusterToolbar } from './ClusterToolbar.tsx'
import { DotOverlay } from './DotOverlay.tsx'
import { SealedNoteDialog, SealedTextsSync } from './SealedNotes.tsx'
import { SummonFollower } from './SummonFollower.tsx'
import '../docView/docView.css'
import './moderationOverlays.css'

/** The canvas's part of moderation, drawn in front of the canvas (below tldraw's own UI). */
export function ModerationOverlays() {
  const { actor } = useCanvasSession()
  return (
    <>
      <BoardBadges />
      <DotOverlay />
      {actor.role === 'moderator' && <ClusterToolbar />}
      <SummonFollower />
      {actor.participantId !== null && actor.role !== 'viewer' && (
        <>
          <SealedTextsSync />
          <SealedNoteDialog />
        </>
      )}
    </>
  )
}
