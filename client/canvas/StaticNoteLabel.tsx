import type { CSSProperties } from 'react'
import { getDisplayValues, resolveLineHeightPx, useColorMode, type NoteShapeUtil, type TLNoteShape } from 'tldraw'
import type { PlainParagraph } from './plainRichText.ts'
import './staticNoteLabel.css'

/**
 * A note's text as tldraw's RichTextLabel shows it while nobody edits the note: the same
 * elements, classes and styles, built from the plain paragraphs directly. tldraw renders the
 * label's HTML through TipTap, which builds a whole ProseMirror schema for every note; for
 * 1,000 notes that was the largest single cost of opening a board. The note switches back to
 * tldraw's own label as soon as it is selected or about to be edited.
 *
 * tldraw puts the label inside the note's container; this one lies over the container in the
 * same box (the shape's bounds), on the container's layer, so the author's name stays on top.
 */
export function StaticNoteLabel({ shape, util, paragraphs }: { shape: TLNoteShape; util: NoteShapeUtil; paragraphs: PlainParagraph[] }) {
  const colorMode = useColorMode()
  const dv = getDisplayValues(util, shape, colorMode)
  const { scale, fontSizeAdjustment, growY } = shape.props
  const fontSize = (fontSizeAdjustment ?? 1) * dv.labelFontSize
  const lineHeight = resolveLineHeightPx(fontSize, dv.labelLineHeight)
  const textAlign = dv.labelHorizontalAlign
  const verticalAlign = dv.labelVerticalAlign
  return (
    <div
      className="tl-text-label tl-text-wrapper tl-rich-text-wrapper tl-text__no-outline pinnwand-note-label"
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
          ? { transform: `scale(${scale})`, transformOrigin: 'top left', width: dv.noteWidth, height: dv.noteHeight + growY }
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
  )
}
