import { strFromU8, unzipSync } from 'fflate'

/**
 * Reads a .docx for tests. fflate is the zip library docx itself packs with, so no new
 * dependency is needed; a real Word file is a zip, and opening it this way proves it is one.
 */
export function readDocxPart(docx: Uint8Array, path = 'word/document.xml'): string {
  const files = unzipSync(docx)
  const part = files[path]
  if (!part) throw new Error(`${path} missing from the .docx (parts: ${Object.keys(files).join(', ')})`)
  return strFromU8(part)
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!
  })
}

/**
 * The visible text of `word/document.xml` as a reviewable outline, one line per paragraph:
 * `[Style] text` for styled paragraphs, `• text` for list paragraphs (continuation lines
 * indented), `| a | b |` for table rows. Golden files compare this instead of bytes, because
 * docx stamps the creation time into the file. A paragraph is a list item by its own numbering
 * or by its style's: pass `word/styles.xml` so styles with numbering count.
 */
export function docxOutline(documentXml: string, stylesXml = ''): string {
  const listStyles = listStyleLevels(stylesXml)
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? ''
  const lines: string[] = []
  for (const [block] of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g)) {
    if (block.startsWith('<w:tbl>')) {
      for (const [row] of block.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
        const cells = [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
          [...cell.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => paragraphText(p)).join(' / '),
        )
        lines.push(`| ${cells.join(' | ')} |`)
      }
      continue
    }
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(block)?.[1]
    const level = /<w:numPr><w:ilvl w:val="(\d+)"\/>/.exec(block)?.[1] ?? (style === undefined ? undefined : listStyles.get(style))
    const text = paragraphText(block)
    if (level !== undefined) {
      const indent = '  '.repeat(Number(level))
      const [first, ...rest] = text.split('\n')
      lines.push(`${indent}• ${first}`, ...rest.map((line) => (line === '' ? '' : `${indent}  ${line}`)))
    } else if (style) lines.push(`[${style}] ${text}`)
    else lines.push(text)
  }
  return lines.join('\n') + '\n'
}

/** The outline of a .docx file (its document and styles parts), see {@link docxOutline}. */
export function docxFileOutline(docx: Uint8Array): string {
  return docxOutline(readDocxPart(docx), readDocxPart(docx, 'word/styles.xml'))
}

/** Paragraph styles of `word/styles.xml` that number their paragraphs, with their list level. */
function listStyleLevels(stylesXml: string): Map<string, string> {
  const levels = new Map<string, string>()
  for (const [, id, style] of stylesXml.matchAll(/<w:style w:type="paragraph" w:styleId="([^"]+)">([\s\S]*?)<\/w:style>/g)) {
    const level = /<w:numPr><w:ilvl w:val="(\d+)"\/>/.exec(style ?? '')?.[1]
    if (id !== undefined && level !== undefined) levels.set(id, level)
  }
  return levels
}

function paragraphText(paragraph: string): string {
  let text = ''
  for (const [token, content] of paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    if (token === '<w:br/>') text += '\n'
    else if (token === '<w:tab/>') text += '\t'
    else text += unescapeXml(content ?? '')
  }
  return text
}
