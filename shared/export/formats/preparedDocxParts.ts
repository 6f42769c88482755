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

/** A prepared part: docx's XML objects for it, and which of them hold slots (only those are copied). */
class PreparedXml {
  private readonly withSlots = new WeakSet<object>()
  readonly slots: number

  constructor(readonly xml: IXmlableObject) {
    this.slots = this.mark(xml)
  }

  /** Remembers every object on a path to a slot; returns the number of slots below `node`. */
  private mark(node: unknown): number {
    if (typeof node === 'string') return node.startsWith(SLOT_MARK) ? 1 : 0
    if (typeof node !== 'object' || node === null) return 0
    let count = 0
    for (const child of Array.isArray(node) ? node : Object.values(node)) count += this.mark(child)
    if (count > 0) this.withSlots.add(node)
    return count
  }

  holdsSlots(node: unknown): boolean {
    return typeof node === 'object' && node !== null && this.withSlots.has(node)
  }

  /** `node` (the prepared XML or a part of it) with `texts[i]` in slot i. */
  fill<T extends XmlNode>(node: T, texts: readonly string[]): T {
    if (typeof node === 'string') return (node.startsWith(SLOT_MARK) ? texts[Number(node.slice(1))] ?? '' : node) as T
    if (!this.holdsSlots(node)) return node
    if (Array.isArray(node)) return node.map((child: XmlNode) => this.fill(child, texts)) as unknown as T
    const source = node as IXmlableObject
    const copy: Record<string, unknown> = {}
    for (const key in source) copy[key] = this.fill(source[key] as XmlNode, texts)
    return copy as T
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
