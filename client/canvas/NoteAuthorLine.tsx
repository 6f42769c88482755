/**
 * Names of at most this many UTF-16 code units always fit the author line (180 px at 13 px):
 * even full-width characters, the widest a name has, are one em (13 px) wide, and a character
 * outside the BMP counts twice.
 */
const ALWAYS_FITS = 13

/**
 * The author's name at the bottom of a note.
 *
 * Why only long names are clipped: an `overflow: hidden` box on each of 1,000 notes gave the
 * browser 1,000 more clip nodes to layerize in every frame of a pan; without them a pan of the
 * 1,000-note benchmark spent about 30 % less time layerizing and dropped fewer frames. A name
 * that can overflow still ends in an ellipsis. tldraw's sans font (loaded with the others
 * before the canvas mounts) rather than system-ui, which measured slower to paint on 1,000 notes.
 */
export function NoteAuthorLine({ name, scale }: { name: string; scale: number }) {
  return (
    <div
      className={name.length > ALWAYS_FITS ? 'pinnwand-note-author pinnwand-note-author--long' : 'pinnwand-note-author'}
      data-testid="note-author"
      // No transform at scale 1: a transform per note is one more paint property to layerize.
      style={scale === 1 ? undefined : { transform: `scale(${scale})` }}
    >
      {name}
    </div>
  )
}
