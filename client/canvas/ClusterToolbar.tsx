import { useEffect, useState } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { useTranslate } from '../i18n/translate.ts'
import { clusterableNotes, createCluster, dissolveCluster, renameCluster, selectedCluster } from './clusterActions.ts'

/**
 * The moderator's clustering tools, shown above the canvas for what is selected: "Cluster bilden"
 * for selected notes, and for a selected cluster its name and "Auflösen". (The name can also be
 * edited on the frame's heading, tldraw's own way.)
 */
export function ClusterToolbar() {
  const editor = useEditor()
  const t = useTranslate()
  const selection = useValue(
    'cluster selection',
    () => {
      const cluster = selectedCluster(editor)
      const notes = clusterableNotes(editor, editor.getSelectedShapeIds())
      const selectedNotes = editor.getSelectedShapes().filter((shape) => isNote(shape)).length
      // A cluster holds notes of one question: the others of the selection stay out, and it says so.
      const leftOut = notes ? selectedNotes - notes.noteIds.length : 0
      return { clusterId: cluster?.id ?? null, clusterName: cluster?.props.name ?? '', noteIds: notes?.noteIds ?? [], leftOut }
    },
    [editor],
  )
  const noteKey = selection.noteIds.join(',')
  const [name, setName] = useState(selection.clusterName)
  // Follow the frame's name when it changes elsewhere (heading edit, another moderator).
  useEffect(() => setName(selection.clusterName), [selection.clusterId, selection.clusterName])

  if (!selection.clusterId && selection.noteIds.length === 0) return null
  return (
    <div
      className="cluster-toolbar"
      role="toolbar"
      aria-label={t('cluster.tools')}
      data-testid="cluster-toolbar"
      // Typing in the name field must not reach tldraw's shortcuts.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {selection.noteIds.length > 0 && (
        <button
          type="button"
          className="button button--primary"
          data-testid="cluster-create"
          title={t('cluster.createHint')}
          onClick={() => createCluster(editor, noteKey.split(',') as TLShapeId[], t('cluster.defaultName'))}
        >
          {t('cluster.create')} ({selection.noteIds.length})
        </button>
      )}
      {selection.leftOut > 0 && (
        <span className="cluster-toolbar__hint" data-testid="cluster-left-out">
          {t(selection.leftOut === 1 ? 'cluster.leftOutOne' : 'cluster.leftOutMany', { count: selection.leftOut })}
        </span>
      )}
      {selection.clusterId && (
        <>
          <input
            className="cluster-toolbar__name"
            data-testid="cluster-rename"
            aria-label={t('cluster.name')}
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value)
              renameCluster(editor, selection.clusterId as TLShapeId, event.target.value)
            }}
          />
          <button
            type="button"
            className="button"
            data-testid="cluster-dissolve"
            aria-label={t('cluster.dissolveLabel', { name: selection.clusterName })}
            onClick={() => dissolveCluster(editor, selection.clusterId as TLShapeId)}
          >
            {t('cluster.dissolve')}
          </button>
        </>
      )}
    </div>
  )
}
