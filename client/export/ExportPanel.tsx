import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { exportFileStem } from '../../shared/export/formats/fileStem.ts'
import type { ExportFormatId } from '../../shared/export/formats/index.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type MessageKey } from '../i18n/translate.ts'
import { useLiveEditor } from '../stores/editorStore.ts'
import type { PictureFormat } from './canvasPictures.ts'
import { saveFile } from './saveFile.ts'
import { fetchServerExport, SERVER_EXPORT_FORMATS } from './serverExport.ts'
import { shiftIntoViewport } from './shiftIntoViewport.ts'
import './exportPanel.css'
import { CheckboxField } from '../panels/CheckboxField.tsx'

export interface ExportPanelProps {
  sessionId: string
  moderatorToken: string
  /** The session's document: an anonymised picture numbers authors from it as the files do. */
  doc: Y.Doc | undefined
  title: string
  questions: readonly string[]
}

const FORMAT_LABELS: Record<ExportFormatId, MessageKey> = {
  json: 'export.format.json',
  csv: 'export.format.csv',
  md: 'export.format.md',
  docx: 'export.format.docx',
}

type Status = { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string } | null

/**
 * The moderators' "Export" menu: the protocol files from the server (JSON, CSV, Markdown, DOCX,
 * with the empty-notes option) and pictures of the boards and the whole canvas, rendered in this
 * browser by tldraw, with their notes' dots and authors; anonymising applies to both.
 */
export function ExportPanel({ sessionId, moderatorToken, doc, title, questions }: ExportPanelProps) {
  const t = useTranslate()
  const editor = useLiveEditor()
  const panelId = useId()
  const [open, setOpen] = useState(false)
  const [anonymise, setAnonymise] = useState(false)
  const [includeEmpty, setIncludeEmpty] = useState(true)
  const [status, setStatus] = useState<Status>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLElement>(null)

  // Hanging from its button's right edge, the panel began off-screen when the bar had put the
  // button at the left: it is moved inside the window, before it is painted and on every resize.
  useLayoutEffect(() => {
    const panel = panelRef.current
    if (!open || !panel) return
    const keepInside = () => {
      panel.style.translate = ''
      const box = panel.getBoundingClientRect()
      const shift = shiftIntoViewport(box.left, box.right, document.documentElement.clientWidth)
      if (shift !== 0) panel.style.translate = `${shift}px 0`
    }
    keepInside()
    window.addEventListener('resize', keepInside)
    return () => window.removeEventListener('resize', keepInside)
  }, [open])

  useEffect(() => {
    if (!open) return
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      toggleRef.current?.focus()
    }
    window.addEventListener('keydown', closeOnEscape)
    return () => window.removeEventListener('keydown', closeOnEscape)
  }, [open])

  const busy = status?.kind === 'busy'

  async function run(make: () => Promise<{ blob: Blob; fileName: string }>) {
    setStatus({ kind: 'busy' })
    try {
      const { blob, fileName } = await make()
      saveFile(blob, fileName)
      setStatus({ kind: 'done', fileName })
    } catch (error) {
      setStatus({ kind: 'error', message: apiErrorMessage(t, error) })
    }
  }

  const downloadFormat = (format: ExportFormatId) =>
    run(() => fetchServerExport(sessionId, moderatorToken, format, { anonymise, includeEmpty }))

  const pictureStem = () => exportFileStem(title, new Date().toISOString())

  const downloadBoard = (questionIndex: number, format: PictureFormat) =>
    run(async () => {
      // tldraw's export code is only needed here; the canvas chunk has it loaded already.
      const { boardPicture, pictureOptions } = await import('./canvasPictures.ts')
      const blob = await boardPicture(editor!, questionIndex, format, pictureOptions(doc!, { sessionId, anonymise, includeEmpty }))
      return { blob, fileName: `${pictureStem()}-leitfrage-${questionIndex + 1}.${format}` }
    })

  const downloadCanvas = () =>
    run(async () => {
      const { canvasPicture, pictureOptions } = await import('./canvasPictures.ts')
      return { blob: await canvasPicture(editor!, pictureOptions(doc!, { sessionId, anonymise, includeEmpty })), fileName: `${pictureStem()}-pinnwand.svg` }
    })

  return (
    <div className="export">
      <button
        ref={toggleRef}
        type="button"
        className="button button--quiet"
        data-testid="export-open"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('export.open')}
      </button>
      {open && (
        <section ref={panelRef} id={panelId} className="export__panel" data-testid="export-panel" aria-labelledby={`${panelId}-title`}>
          <header className="export__header">
            <h2 id={`${panelId}-title`}>{t('export.title')}</h2>
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)} aria-label={t('export.close')}>
              ×
            </button>
          </header>

          {/* For the files and the pictures alike (pictures then leave the names off). */}
          <CheckboxField className="export__option" testId="export-anonymise" checked={anonymise} onChange={setAnonymise}>
            {t('export.anonymise')}
          </CheckboxField>
          <fieldset className="export__group">
            <legend>{t('export.results')}</legend>
            <CheckboxField className="export__option" testId="export-include-empty" checked={includeEmpty} onChange={setIncludeEmpty}>
              {t('export.includeEmpty')}
            </CheckboxField>
            <div className="export__buttons">
              {SERVER_EXPORT_FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button"
                  data-testid={`export-${format}`}
                  disabled={busy}
                  onClick={() => downloadFormat(format)}
                >
                  {t(FORMAT_LABELS[format])}
                </button>
              ))}
            </div>
          </fieldset>

          <fieldset className="export__group">
            <legend>{t('export.pictures')}</legend>
            {editor && doc ? (
              <>
                <ul className="export__boards">
                  {questions.map((question, index) => (
                    <li key={index} className="export__board">
                      <span className="export__board-name" title={question}>
                        {t('export.board', { number: index + 1 })}
                      </span>
                      {(['png', 'svg'] as const).map((format) => (
                        <button
                          key={format}
                          type="button"
                          className="button"
                          data-testid={`export-board-${format}-${index}`}
                          aria-label={t('export.boardPicture', { number: index + 1, format: format.toUpperCase() })}
                          disabled={busy}
                          onClick={() => downloadBoard(index, format)}
                        >
                          {format.toUpperCase()}
                        </button>
                      ))}
                    </li>
                  ))}
                </ul>
                <button type="button" className="button" data-testid="export-canvas-svg" disabled={busy} onClick={downloadCanvas}>
                  {t('export.canvasSvg')}
                </button>
              </>
            ) : (
              <p className="export__hint">{t('export.picturesNeedCanvas')}</p>
            )}
          </fieldset>

          <p className="export__status" role="status" data-testid="export-status">
            {status?.kind === 'busy' && t('export.working')}
            {status?.kind === 'done' && t('export.done', { file: status.fileName })}
            {status?.kind === 'error' && <span className="error">{t('export.failed', { message: status.message })}</span>}
          </p>
        </section>
      )}
    </div>
  )
}
