import type { CSSProperties } from 'react'
import { getDisplayValues, resolveLineHeightPx, rng, type NoteShapeUtil, type TLNoteShape } from 'tldraw'
import type { PlainParagraph } from './plainRichText.ts'

/** What a static note reads from the editor (its owner reads it, in one reactive value). */
export interface StaticNoteView {
  colorMode: 'light' | 'dark'
  /** The note's rotation on the page, in radians (its shadow depends on it). */
  rotation: number
  /** tldraw hides note shadows when zoomed out far enough; a border takes over. */
  hideShadows: boolean
}

/**
 * A note nobody is selecting or editing, drawn as tldraw 5.4.2's NoteShapeUtil draws it (same
 * elements, classes and styles; checked pixel for pixel), from its plain text, without tldraw's
 * editing machinery. tldraw renders a note's text through TipTap, which builds a whole
 * ProseMirror schema for every note, and gives every note the hooks for editing it (keyboard,
 * translations, selection): opening a board of 1,000 notes paid for all of that, and selecting
 * one note or loading tldraw's translations re-rendered all 1,000. AuthoredNoteShapeUtil hands
 * a note back to tldraw's own component as soon as it is selected or about to be edited, and
 * whenever it holds something else than plain text.
 */
export function StaticNote({ shape, util, paragraphs, view }: { shape: TLNoteShape; util: NoteShapeUtil; paragraphs: PlainParagraph[]; view: StaticNoteView }) {
  const { id } = shape
  const { scale, fontSizeAdjustment } = shape.props
  const { colorMode, rotation, hideShadows } = view
  const dv = getDisplayValues(util, shape, colorMode)
  const fontSize = (fontSizeAdjustment ?? 1) * dv.labelFontSize
  const lineHeight = resolveLineHeightPx(fontSize, dv.labelLineHeight)
  const textAlign = dv.labelHorizontalAlign
  const verticalAlign = dv.labelVerticalAlign
  return (
    <div
      id={id}
      className="tl-note__container"
      style={{
        width: dv.noteWidth * scale,
        height: (dv.noteHeight + shape.props.growY) * scale,
        backgroundColor: dv.noteBackgroundColor,
        borderBottom: hideShadows ? `${dv.borderWidth * scale}px solid ${dv.borderColor}` : 'none',
        boxShadow: hideShadows ? 'none' : noteShadow(id, rotation, scale),
      }}
    >
      <div
        className="tl-text-label tl-text-wrapper tl-rich-text-wrapper tl-text__no-outline"
        aria-hidden
        data-hastext
        data-isediting={false}
        data-textwrap
        data-isselected={false}
        style={{
          fontFamily: dv.labelFontFamily,
          textAlign,
          justifyContent: textAlign === 'center' ? 'center' : textAlign === 'end' ? 'flex-end' : 'flex-start',
          alignItems: verticalAlign === 'middle' ? 'center' : verticalAlign === 'end' ? 'flex-end' : 'flex-start',
          padding: dv.labelPadding,
          ...(scale !== 1
            ? { transform: `scale(${scale})`, transformOrigin: 'top left', width: dv.noteWidth, height: dv.noteHeight + shape.props.growY }
            : {}),
        }}
      >
        <div
          className="tl-text-label__inner tl-text-content__wrapper"
          style={
            {
              fontSize,
              lineHeight: `${lineHeight}px`,
              minHeight: `${lineHeight}px`,
              '--tl-rich-text-heading-line-height': dv.labelLineHeight,
              minWidth: 0,
              color: dv.labelColor,
            } as CSSProperties
          }
        >
          <div className="tl-text tl-text tl-text-content" dir="auto">
            <div className="tl-rich-text" data-is-select-tool-active data-is-ready-for-editing={false}>
              {paragraphs.map((paragraph, index) => (
                <p key={index} dir={paragraph.dir}>
                  {paragraph.runs.length === 0 ? <br /> : paragraph.runs.map((run, at) => (run === null ? <br key={at} /> : run))}
                </p>
              ))}
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}

/** tldraw 5.4.2's note shadow (getNoteShadow in NoteShapeUtil.tsx, not exported), verbatim. */
function noteShadow(id: string, rotation: number, scale: number): string {
  const random = rng(id) // seeded based on id
  const lift = Math.abs(random()) + 0.5 // 0 to 1.5
  const oy = Math.cos(rotation)
  const a = 5 * scale
  const b = 4 * scale
  const c = 6 * scale
  const d = 7 * scale
  // Clamped so shadow never goes above the note at small scales (e.g. dynamic size mode at high zoom)
  return `0px ${Math.max(0, a - lift)}px ${a}px -${a}px rgba(15, 23, 31, .6),
	0px ${(b + lift * d) * Math.max(0, oy)}px ${c + lift * d}px -${b + lift * c}px rgba(15, 23, 31, ${(0.3 + lift * 0.1).toFixed(2)}),
	0px ${48 * scale}px ${10 * scale}px -${10 * scale}px inset rgba(15, 23, 44, ${((0.022 + random() * 0.005) * ((1 + oy) / 2)).toFixed(2)})`
}
