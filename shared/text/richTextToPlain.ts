import type { TLRichText } from '@tldraw/tlschema'

/**
 * tldraw's rich text (TipTap/ProseMirror JSON) as plain text, in pure TypeScript so the server and
 * the CLI can read notes without a DOM or an editor instance.
 *
 * Rules, chosen to be the exact inverse of tldraw's `toRichText` for plain input
 * (`richTextToPlain(toRichText(s)) === s`):
 * - Blocks (paragraphs, headings, code blocks, list items) are separated by ONE newline, because
 *   `toRichText` turns every line into its own paragraph; an empty paragraph is an empty line.
 * - `hardBreak` is a newline.
 * - Lists: `- ` for bullet items, `1. ` (counting from the list's `start`) for ordered items. Every
 *   further line of an item (nested lists, more paragraphs, hard breaks) is indented by two spaces,
 *   so each nesting level adds two spaces.
 * - Marks (bold, links, ...) are dropped; their text stays.
 * - Unknown nodes contribute their text content: inline when they hold only inline content, as
 *   blocks otherwise. Malformed input yields what can be read, never an exception.
 */
export function richTextToPlain(richText: TLRichText | null | undefined): string {
  if (!isNode(richText)) return ''
  return blockLines(richText).join('\n')
}

/** A node as found in the JSON; every field is checked before use because the input is data. */
interface RichNode {
  type?: unknown
  text?: unknown
  content?: unknown
  attrs?: unknown
}

const LIST_INDENT = '  '

function isNode(value: unknown): value is RichNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function childrenOf(node: RichNode): RichNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : []
}

function isInline(node: RichNode): boolean {
  if (node.type === 'text' || node.type === 'hardBreak' || typeof node.text === 'string') return true
  if (BLOCK_TYPES.has(String(node.type))) return false
  // An unknown node is inline when it wraps only inline nodes (e.g. a mention holding a text).
  const children = childrenOf(node)
  return children.length > 0 && children.every(isInline)
}

/** Node types that hold inline content and make one block of text. */
const TEXT_BLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock'])
const LIST_TYPES = new Set(['bulletList', 'orderedList'])
const BLOCK_TYPES = new Set([...TEXT_BLOCK_TYPES, ...LIST_TYPES, 'doc', 'listItem', 'blockquote'])

function inlineText(nodes: readonly RichNode[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'hardBreak') text += '\n'
    else if (typeof node.text === 'string') text += node.text
    else text += inlineText(childrenOf(node))
  }
  return text
}

/** The lines of a block node, not indented; the caller indents them when nesting. */
function blockLines(node: RichNode): string[] {
  const type = String(node.type)
  if (TEXT_BLOCK_TYPES.has(type)) return inlineText(childrenOf(node)).split('\n')
  if (LIST_TYPES.has(type)) return listLines(node, type === 'orderedList')
  return containerLines(childrenOf(node))
}

/** Blocks one after another; runs of stray inline nodes (malformed or unknown) form one line. */
function containerLines(children: readonly RichNode[]): string[] {
  const lines: string[] = []
  let inlineRun: RichNode[] = []
  const flushInline = () => {
    if (inlineRun.length > 0) lines.push(...inlineText(inlineRun).split('\n'))
    inlineRun = []
  }
  for (const child of children) {
    if (isInline(child)) {
      inlineRun.push(child)
      continue
    }
    flushInline()
    lines.push(...blockLines(child))
  }
  flushInline()
  return lines
}

function listStart(list: RichNode): number {
  const start = isNode(list.attrs) ? (list.attrs as { start?: unknown }).start : undefined
  return typeof start === 'number' && Number.isInteger(start) ? start : 1
}

function listLines(list: RichNode, ordered: boolean): string[] {
  const start = listStart(list)
  const lines: string[] = []
  childrenOf(list).forEach((item, position) => {
    const marker = ordered ? `${start + position}. ` : '- '
    const [first = '', ...rest] = blockLines(item)
    lines.push(first === '' ? marker.trimEnd() : marker + first)
    for (const line of rest) lines.push(line === '' ? '' : LIST_INDENT + line)
  })
  return lines
}
