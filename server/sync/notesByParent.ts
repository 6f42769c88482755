import type { RecordChange, RecordStore } from '../../shared/doc/recordStore.ts'
import { isNote, type NoteShape } from '../../shared/workshop/workshopRecords.ts'

/**
 * The notes of a session document by the id of their parent (board or cluster), so that looking
 * at one cluster's notes costs that cluster's notes, not a pass over every record. Built from the
 * store on first use (a room that never needs it never pays for it) and then kept up to date by
 * `apply`, which must see every change of the store from then on, whatever its origin.
 */
export class NotesByParent {
  private byParent: Map<string, Set<string>> | undefined

  constructor(private readonly store: RecordStore) {}

  /** Takes in one transaction's changes; nothing to do while the index has not been built. */
  apply(changes: ReadonlyMap<string, RecordChange>): void {
    const byParent = this.byParent
    if (!byParent) return
    for (const [id, change] of changes) {
      const before = change.action !== 'add' && isNote(change.oldValue) ? change.oldValue.parentId : undefined
      const after = change.action !== 'delete' && isNote(change.newValue) ? change.newValue.parentId : undefined
      if (before === after) continue
      if (before !== undefined) this.remove(byParent, before, id)
      if (after !== undefined) this.add(byParent, after, id)
    }
  }

  /** The notes whose parent is `parentId`, as the store holds them now. */
  notesIn(parentId: string): NoteShape[] {
    const ids = this.built().get(parentId)
    if (!ids) return []
    const notes: NoteShape[] = []
    for (const id of ids) {
      const note = this.store.get(id)
      if (note && isNote(note)) notes.push(note)
    }
    return notes
  }

  private built(): Map<string, Set<string>> {
    if (this.byParent) return this.byParent
    const byParent = new Map<string, Set<string>>()
    for (const record of this.store.values()) if (isNote(record)) this.add(byParent, record.parentId, record.id)
    this.byParent = byParent
    return byParent
  }

  private add(byParent: Map<string, Set<string>>, parentId: string, id: string): void {
    const ids = byParent.get(parentId)
    if (ids) ids.add(id)
    else byParent.set(parentId, new Set([id]))
  }

  private remove(byParent: Map<string, Set<string>>, parentId: string, id: string): void {
    const ids = byParent.get(parentId)
    if (!ids) return
    ids.delete(id)
    if (ids.size === 0) byParent.delete(parentId)
  }
}
