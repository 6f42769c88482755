import { useMemo } from 'react'
import { useEditor, useValue, type TLShape } from 'tldraw'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { countDotsByTarget } from '../../shared/workshop/dots.ts'
import { isCluster, isNote } from '../../shared/workshop/workshopRecords.ts'
import { DotControls } from '../docView/DotControls.tsx'
import { dotBudgetOf } from '../docView/dotBudget.ts'
import { resultsVisibleTo } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'
import { useDots } from '../moderation/useDots.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { useCanvasSession } from './canvasSession.ts'

interface DotTarget {
  id: string
  label: string
  kind: 'note' | 'cluster'
  /** Anchor in viewport pixels: a note's bottom right corner (its author's name stays readable), a cluster's top right corner. */
  x: number
  y: number
}

function labelOf(shape: TLShape, clusterWord: string): string {
  if (isNote(shape)) return richTextToPlain(shape.props.richText) || '…'
  return isCluster(shape) ? shape.props.name || clusterWord : ''
}

/**
 * Dot voting on the canvas: while a round exists, every note and cluster in view gets the shared
 * dot controls (place / take back, the count as far as this person may see it), drawn in front
 * of the canvas at a readable size. Dots go into the dots map as separate entries, judged by the
 * shared budget rules before they are written (client/docView/workshopActions.ts).
 */
export function DotOverlay() {
  const editor = useEditor()
  const t = useTranslate()
  const { actor } = useCanvasSession()
  const { connection, moderation } = useCanvasModeration()
  const doc = connection.doc
  const dots = useDots(doc)
  const voting = moderation.voting
  const budget = useMemo(() => dotBudgetOf(dots, moderation, actor.participantId), [dots, moderation, actor.participantId])
  const counts = useMemo(() => {
    const all = [...dots.values()]
    return {
      all: countDotsByTarget(all, voting?.roundId),
      mine: countDotsByTarget(
        all.filter((dot) => actor.participantId !== null && dot.voterId === actor.participantId),
        voting?.roundId,
      ),
    }
  }, [dots, voting?.roundId, actor.participantId])
  const visible = resultsVisibleTo(actor, moderation)
  const clusterWord = t('results.cluster')

  const targets = useValue(
    'dot targets',
    (): DotTarget[] => {
      if (!voting) return []
      const viewport = editor.getViewportPageBounds()
      const result: DotTarget[] = []
      for (const shape of editor.getCurrentPageShapes()) {
        const kind = isNote(shape) ? 'note' : isCluster(shape) ? 'cluster' : undefined
        if (!kind) continue
        const bounds = editor.getShapePageBounds(shape.id)
        if (!bounds || !viewport.collides(bounds)) continue
        const anchor = editor.pageToViewport(kind === 'note' ? { x: bounds.maxX, y: bounds.maxY } : { x: bounds.maxX, y: bounds.minY })
        result.push({ id: shape.id, kind, label: labelOf(shape, clusterWord), x: anchor.x, y: anchor.y })
      }
      return result
    },
    [editor, voting !== null, clusterWord],
  )

  if (!voting) return null
  const workshop = { doc, actor, budget }
  return (
    <>
      {targets.map((target) => (
        <div
          key={target.id}
          className={`canvas-dots canvas-dots--${target.kind}`}
          style={{ left: target.x, top: target.y }}
        >
          <DotControls
            workshop={workshop}
            targetId={target.id}
            targetLabel={target.label}
            dots={visible ? (counts.all.get(target.id) ?? 0) : null}
            myDots={counts.mine.get(target.id) ?? 0}
            testIdSuffix={target.id}
            compact
          />
        </div>
      ))}
    </>
  )
}
