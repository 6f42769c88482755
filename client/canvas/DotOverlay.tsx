import { memo, useEffect, useMemo, type CSSProperties } from 'react'
import { useEditor, useValue, type Editor, type TLRichText, type TLShapeId } from 'tldraw'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { countDotsByTarget } from '../../shared/workshop/dots.ts'
import { canVoteNow, DotControls } from '../docView/DotControls.tsx'
import { dotBudgetOf } from '../docView/dotBudget.ts'
import { resultsVisibleTo } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'
import { useDots } from '../moderation/useDots.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { useCanvasSession } from './canvasSession.ts'
import { showDotCountsInPictures } from './notePictureDetails.ts'
import { zoomToBoardOf } from './pageBoards.ts'
import { useSealedNoteStore } from './sealedNoteStore.ts'
import { isCluster, isNote } from '../../shared/workshop/workshopRecords.ts'
import { NOTE_SIZE } from '../../shared/workshop/boardLayout.ts'
import { CLUSTER_PADDING } from '../../shared/workshop/clusterLayout.ts'

/**
 * Below this zoom a note is narrower on screen than the "+ −" controls: the controls of
 * neighbouring notes covered each other and the notes (the overview of all boards is at about
 * 25 %). There each target shows a small badge instead, which brings its board close.
 */
const CONTROLS_MIN_NOTE_PX = 100
const ZOOM_ANIMATION_MS = 300

interface DotTarget {
  id: string
  label: string
  kind: 'note' | 'cluster'
  /**
   * Anchor of the controls on the page. A note's sit on its top edge from its top left corner,
   * where a note has its margin: at the bottom they covered its author's name as they grew with
   * their count. A cluster's end at its top right corner, above its top notes' controls, and
   * clear of those of a note beside it (whose grow away from the cluster).
   */
  x: number
  y: number
  /** Width on the page: the controls stay within it, so those of neighbours never meet. */
  width: number
  /**
   * Anchor of the zoomed-out badge: a note's bottom right corner (too small to cover its author's
   * name, and clear of its cluster's), a cluster's top right corner.
   */
  badgeX: number
  badgeY: number
}

/** Plain text per rich-text object: labels are re-read whenever any note changes. */
const plainTexts = new WeakMap<TLRichText, string>()
function plainText(richText: TLRichText): string {
  let text = plainTexts.get(richText)
  if (text === undefined) {
    text = richTextToPlain(richText) || '…'
    plainTexts.set(richText, text)
  }
  return text
}

/** What a target is called where no text of its own can be shown. */
interface TargetWords {
  /** An unnamed cluster. */
  cluster: string
  /** A sealed note of someone else ("Verdeckte Karte"). */
  sealedNote: string
  /** This person's sealed texts by note id (client/canvas/sealedNoteStore.ts). */
  mySealedTexts: ReadonlyMap<string, string>
}

/**
 * Every note and cluster with its anchor on the page. Depends on the shapes, not on the camera;
 * a target that did not change keeps its object, so its controls are not rendered again.
 */
function readTargets(editor: Editor, words: TargetWords, previous: Map<string, DotTarget>): DotTarget[] {
  const result: DotTarget[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    let kind: DotTarget['kind']
    let label: string
    if (isNote(shape)) {
      kind = 'note'
      // A sealed note has no text in the document: named as on its cover, the phone and the list
      // (client/docView/noteLabel.ts), its text only for its author.
      label = shape.meta.sealed === true ? (words.mySealedTexts.get(shape.id) ?? words.sealedNote) : plainText(shape.props.richText)
    } else if (isCluster(shape)) {
      kind = 'cluster'
      label = shape.props.name || words.cluster
    } else continue
    const bounds = editor.getShapePageBounds(shape.id)
    if (!bounds) continue
    const x = kind === 'note' ? bounds.minX : bounds.maxX
    const y = bounds.minY
    const width = bounds.width
    const badgeX = bounds.maxX
    const badgeY = kind === 'note' ? bounds.maxY : bounds.minY
    const known = previous.get(shape.id)
    const same = known && known.kind === kind && known.label === label && known.x === x && known.y === y && known.width === width && known.badgeX === badgeX && known.badgeY === badgeY
    result.push(same ? known : { id: shape.id, kind, label, x, y, width, badgeX, badgeY })
  }
  previous.clear()
  for (const target of result) previous.set(target.id, target)
  return result
}

/**
 * Dot voting on the canvas: while a round exists, every note and cluster gets the shared dot
 * controls (place / take back, the count as far as this person may see it), drawn in front of
 * the canvas at a readable size. Dots go into the dots map as separate entries, judged by the
 * shared budget rules before they are written (client/docView/workshopActions.ts).
 *
 * The controls sit in one layer that follows the camera with a single transform: panning moves
 * the layer and re-renders none of the controls (it used to re-read and re-render every note's
 * controls in every frame); zooming re-places them, so they keep their size. Zoomed out too far
 * for them (see CONTROLS_MIN_NOTE_PX), a badge per target shows its count and zooms in.
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
    const all = [...dots.counting.values()]
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
  const sealedWord = t('note.sealed')
  const mySealedTexts = useSealedNoteStore((state) => state.texts)
  const words = useMemo(() => ({ cluster: clusterWord, sealedNote: sealedWord, mySealedTexts }), [clusterWord, sealedWord, mySealedTexts])
  const workshop = useMemo(() => ({ doc, actor, budget }), [doc, actor, budget])
  // Pictures of the canvas show the counts shown here, and none where this person sees none.
  const picturesShowDots = voting !== null && visible
  useEffect(
    () => showDotCountsInPictures(editor, picturesShowDots ? (id) => counts.all.get(id) ?? 0 : null),
    [editor, picturesShowDots, counts],
  )

  if (!voting) return null
  return (
    <DotLayer
      words={words}
      workshop={workshop}
      dotsOf={(id) => (visible ? (counts.all.get(id) ?? 0) : null)}
      myDotsOf={(id) => counts.mine.get(id) ?? 0}
    />
  )
}

interface DotLayerProps {
  words: TargetWords
  workshop: TargetDotsProps['workshop']
  dotsOf: (id: string) => number | null
  myDotsOf: (id: string) => number
}

/** The layer itself, mounted only while a round exists: it follows the camera. */
function DotLayer({ words, workshop, dotsOf, myDotsOf }: DotLayerProps) {
  const editor = useEditor()
  const previous = useMemo(() => new Map<string, DotTarget>(), [])
  const targets = useValue('dot targets', () => readTargets(editor, words, previous), [editor, words, previous])
  const camera = useValue('camera', () => editor.getCamera(), [editor])
  const layer: CSSProperties = { transform: `translate(${camera.x * camera.z}px, ${camera.y * camera.z}px)` }
  return (
    <div className="canvas-dots-layer" style={layer}>
      {targets.map((target) => (
        <TargetDots
          key={target.id}
          target={target}
          zoom={camera.z}
          badge={camera.z * NOTE_SIZE < CONTROLS_MIN_NOTE_PX}
          workshop={workshop}
          dots={dotsOf(target.id)}
          myDots={myDotsOf(target.id)}
        />
      ))}
    </div>
  )
}

/**
 * Where a target's controls go on screen; `--cluster-inset` is how far a cluster's notes start
 * below its edge, `--target-width` how wide the target is on screen (the controls wrap within it).
 */
function placement(target: DotTarget, zoom: number): CSSProperties {
  return {
    left: target.x * zoom,
    top: target.y * zoom,
    '--cluster-inset': `${CLUSTER_PADDING * zoom}px`,
    '--target-width': `${target.width * zoom}px`,
  } as CSSProperties
}

interface TargetDotsProps {
  target: DotTarget
  zoom: number
  /** Too far out for the controls: a badge instead. */
  badge: boolean
  workshop: Parameters<typeof DotControls>[0]['workshop']
  dots: number | null
  myDots: number
}

const TargetDots = memo(function TargetDots({ target, zoom, badge, workshop, dots, myDots }: TargetDotsProps) {
  if (badge) return <ZoomInBadge target={target} zoom={zoom} workshop={workshop} dots={dots} myDots={myDots} />
  return (
    <div className={`canvas-dots canvas-dots--${target.kind}`} style={placement(target, zoom)}>
      <DotControls
        workshop={workshop}
        targetId={target.id}
        targetLabel={target.label}
        dots={dots}
        myDots={myDots}
        testIdSuffix={target.id}
        compact
      />
    </div>
  )
})

/** A target's count in a small badge (or "+" where this person may vote); a click brings its board close. */
function ZoomInBadge({ target, zoom, workshop, dots, myDots }: Omit<TargetDotsProps, 'badge'>) {
  const editor = useEditor()
  const t = useTranslate()
  const count = dots ?? myDots
  if (!canVoteNow(workshop) && count === 0) return null
  const zoomIn = () => {
    zoomToBoardOf(editor, target.id as TLShapeId, ZOOM_ANIMATION_MS)
  }
  return (
    <div className={`canvas-dots canvas-dots--${target.kind} canvas-dots--badge`} style={{ left: target.badgeX * zoom, top: target.badgeY * zoom }}>
      <button
        type="button"
        className="canvas-dots__badge"
        data-testid={`dot-zoom-${target.id}`}
        aria-label={t('dots.zoomInLabel', { target: target.label })}
        title={t('dots.zoomIn')}
        onClick={zoomIn}
      >
        {count > 0 ? count : '+'}
      </button>
    </div>
  )
}
