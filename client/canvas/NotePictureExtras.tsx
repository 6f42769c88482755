import { translateNow } from '../i18n/translate.ts'
import { NoteAuthorLine } from './NoteAuthorLine.tsx'

/** A sticky dot's red, as dots on paper are: the count stands out on every note colour. */
const DOT_FILL = '#c92a2a'
const DOT_RADIUS = 14

/**
 * The dots on a note or cluster in its picture, as a paper Fotoprotokoll shows them: a red dot
 * with the count, stuck over the top right corner (a note's author is at the bottom left, its
 * text in between). Plain SVG, so it stays sharp when printed; its title reads "3 Punkte".
 */
export function DotCountSvg({ count, width }: { count: number; width: number }) {
  const label = count === 1 ? translateNow('dots.one') : translateNow('dots.many', { count })
  return (
    <g data-pinnwand-dots={count} transform={`translate(${width - DOT_RADIUS / 2}, ${DOT_RADIUS / 2})`}>
      <title>{label}</title>
      <circle r={DOT_RADIUS} fill={DOT_FILL} stroke="#ffffff" strokeWidth={2} />
      <text
        textAnchor="middle"
        dominantBaseline="central"
        fill="#ffffff"
        fontFamily="system-ui, sans-serif"
        fontWeight={700}
        fontSize={count > 99 ? 10 : 13}
      >
        {count}
      </text>
    </g>
  )
}

/**
 * The author's name at the bottom of a note in its picture: the on-screen author line (so the same
 * font, size and place) in a foreignObject whose styles and font tldraw's export embeds,
 * as tldraw does for its own attribution line.
 */
export function NoteAuthorSvg({ name, width, height }: { name: string; width: number; height: number }) {
  return (
    <foreignObject x={0} y={0} width={width} height={height} className="tl-export-embed-styles">
      <div style={{ position: 'relative', width: '100%', height: '100%' }}>
        <NoteAuthorLine name={name} scale={1} />
      </div>
    </foreignObject>
  )
}
