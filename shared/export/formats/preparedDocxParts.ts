import { FileChild, type IContext, type IXmlableObject, type XmlComponent } from 'docx'

/**
 * Thousands of alike paragraphs through docx, fast.
 *
 * docx builds a tree of components per paragraph (properties, numbering, runs, run formatting:
 * ≈ 18 for a note), turns each component into an XML object when packing (`prepForXml`), then
 * writes those as text. For a Protokoll of 5,000 notes the first two steps took most of the
 * export (≈ 0.5 s on a 2-core server). Notes differ only in their texts, so here docx builds and
 * prepares each *shape* of part (e.g. "a note with two lines") once per document, with slot
 * markers as its texts; every note is then a copy of that prepared XML with its own texts in the
 * slots, sharing every subtree that holds no slot. The XML is what docx writes for the part built
 * directly, byte for byte (the export tests compare), and docx still writes all of it.
 */

/** A text slot: a private-use character no fixed text of a part contains, and the slot's number. */
const SLOT_MARK = '\uE000'
export const slot = (index: number): string => `${SLOT_MARK}${index}`

type XmlNode = IXmlableObject | readonly unknown[] | string | number | boolean | null | undefined

/** Copies a node that holds slots, with `texts[i]` in slot i. */
type Copier = (texts: readonly string[]) => unknown

/**
 * A prepared part: docx's XML objects for it, and for each object on a path to a slot a copier,
 * worked out once per shape: a copy of that object (a shallow one, sharing every child without
 * slots) with the copies of its children that hold slots. Filling a part for a note then only
 * allocates those few copies, which docx's writer keeps alive until the whole document is written.
 */
class PreparedXml {
  private readonly copiers = new Map<object, Copier>()
  readonly slots: number

  constructor(readonly xml: IXmlableObject) {
    let slots = 0
    const compile = (node: unknown): Copier | undefined => {
      if (typeof node === 'string') {
        if (!node.startsWith(SLOT_MARK)) return undefined
        slots++
        const index = Number(node.slice(SLOT_MARK.length))
        return (texts) => texts[index] ?? ''
      }
      if (typeof node !== 'object' || node === null) return undefined
      const source = node as Record<string, unknown>
      const keys: Array<string | number> = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node)
      const parts: Array<[string | number, Copier]> = []
      for (const key of keys) {
        const copier = compile(source[key])
        if (copier) parts.push([key, copier])
      }
      if (parts.length === 0) return undefined
      const copier: Copier = Array.isArray(node)
        ? (texts) => {
            const copy = node.slice()
            for (const [index, part] of parts) copy[index as number] = part(texts)
            return copy
          }
        : (texts) => {
            const copy: Record<string, unknown> = { ...source }
            for (const [key, part] of parts) copy[key] = part(texts)
            return copy
          }
      this.copiers.set(node, copier)
      return copier
    }
    compile(xml)
    this.slots = slots
  }

  holdsSlots(node: unknown): boolean {
    return typeof node === 'object' && node !== null && this.copiers.has(node)
  }

  /** `node` (the prepared XML or a part of it) with `texts[i]` in slot i. */
  fill<T extends XmlNode>(node: T, texts: readonly string[]): T {
    const copier = typeof node === 'object' && node !== null ? this.copiers.get(node) : undefined
    return (copier ? copier(texts) : node) as T
  }
}

/**
 * One shape of part: `build` makes it with docx, `slot(i)` standing for each text. Prepared on
 * first use in a document's context (so anything docx registers while preparing, it registers
 * once per document, as every copy would the same).
 */
export class PartShape {
  private readonly prepared = new WeakMap<object, PreparedXml>()

  constructor(
    private readonly build: () => XmlComponent,
    private readonly slotCount: number,
  ) {}

  preparedIn(context: IContext): PreparedXml {
    let prepared = this.prepared.get(context.file)
    if (!prepared) {
      const xml = this.build().prepForXml(context)
      if (!xml) throw new Error('docx wrote nothing for a prepared part')
      prepared = new PreparedXml(xml)
      // A slot docx dropped, split or changed would silently lose text: refuse instead.
      if (prepared.slots !== this.slotCount)
        throw new Error(`docx wrote ${prepared.slots} of the ${this.slotCount} slots of a prepared part`)
      this.prepared.set(context.file, prepared)
    }
    return prepared
  }
}

/** A paragraph of a shape, with its own texts. */
export class PreparedParagraph extends FileChild {
  constructor(
    private readonly shape: PartShape,
    private readonly texts: readonly string[],
  ) {
    super('w:p')
  }

  override prepForXml(context: IContext): IXmlableObject {
    const prepared = this.shape.preparedIn(context)
    return prepared.fill(prepared.xml, this.texts)
  }
}

/**
 * A table of a shape built with its header and ONE row of slots (docx sizes the cells of a row
 * from its table, so rows are prepared inside it): written with that row once per entry of
 * `rows`, each with its own texts.
 */
export class PreparedTable extends FileChild {
  constructor(
    private readonly shape: PartShape,
    private readonly rows: ReadonlyArray<readonly string[]>,
  ) {
    super('w:tbl')
  }

  override prepForXml(context: IContext): IXmlableObject {
    const prepared = this.shape.preparedIn(context)
    const [name, children] = Object.entries(prepared.xml)[0] ?? []
    if (name === undefined || !Array.isArray(children)) throw new Error('a prepared table must be one element with children')
    const repeated = children.filter((child) => prepared.holdsSlots(child))
    if (repeated.length !== 1) throw new Error('a prepared table must hold its slots in exactly one row')
    const template = repeated[0] as IXmlableObject
    return {
      [name]: children.flatMap((child) =>
        child === template ? this.rows.map((texts) => prepared.fill(template, texts)) : [child],
      ),
    }
  }
}
