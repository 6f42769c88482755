import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { ApiError, joinSession, type ClientConfig, type ParticipantCredentials, type SessionInfo } from '../api/pinnwandApi.ts'
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../shared/connection/messageSize.ts'
import { authorCursorColor } from '../../shared/workshop/authorColor.ts'
import { ANONYMOUS_NAME } from '../../shared/workshop/recordMeta.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type MessageKey } from '../i18n/translate.ts'
import { ConnectionIndicator } from '../panels/ConnectionIndicator.tsx'
import { LanguageToggle } from '../panels/LanguageToggle.tsx'
import { OnlineList } from '../panels/OnlineList.tsx'
import { UpdateNotice } from '../panels/UpdateNotice.tsx'
import type { SessionConnectionOptions } from '../session/sessionConnection.ts'
import { cachedSessionInfo, cacheSessionInfo, rememberedName, rememberName, storeCredentials, storedCredentials } from '../session/deviceMemory.ts'
import { useSessionConnection } from '../session/useSessionConnection.ts'
import { useSessionView } from '../docView/viewChoice.ts'
import { ViewSwitch } from '../docView/ViewSwitch.tsx'
import { useIdentityStore } from '../stores/identityStore.ts'
import { useLanguageStore } from '../stores/languageStore.ts'
import { useConnectionStore } from '../stores/connectionStore.ts'
import { CLOSE_CODES } from '../../shared/connection/closeCodes.ts'
import { loadWorkshopCanvas, prepareWorkshopCanvas } from '../canvas/loadWorkshopCanvas.ts'
import { NamePrompt } from './NamePrompt.tsx'
import { sessionRequests } from './sessionPrefetch.ts'
import type { Route } from './routes.ts'

// tldraw is most of the bundle: only the canvas loads it, so other views stay light.
const WorkshopCanvas = lazy(loadWorkshopCanvas)
// The views without a canvas (phone, accessible list) load no tldraw at all.
const ListView = lazy(() => import('../list/ListView.tsx'))
const PhoneView = lazy(() => import('../phone/PhoneView.tsx'))
// Moderation UI loads with the board, so the phone view's first load stays small.
const ModeratorPanel = lazy(() => import('../moderation/ModeratorPanel.tsx'))
const PhaseBar = lazy(() => import('../moderation/PhaseBar.tsx').then((module) => ({ default: module.PhaseBar })))
const VotingResults = lazy(() => import('../moderation/VotingResults.tsx').then((module) => ({ default: module.VotingResults })))
// Only a moderator exports (and deletes, in the moderator panel): a participant's phone loads neither.
const ExportPanel = lazy(() => import('../export/ExportPanel.tsx').then((module) => ({ default: module.ExportPanel })))

type SessionRoute = Extract<Route, { page: 'session' }>

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; messageKey: MessageKey; reason: unknown }
  | { state: 'ready'; info: SessionInfo; canvas: CanvasConfig }

/** What the canvas needs of the server's configuration. */
interface CanvasConfig {
  licenseKey: string | null
  maxMessageBytes: number
}

/** An older server (or none reachable) names no message limit: its default then. */
function canvasConfig(config: ClientConfig): CanvasConfig {
  return { licenseKey: config.tldrawLicenseKey, maxMessageBytes: config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES }
}

function errorKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.status === 404) return 'session.notFound'
    if (error.status === 403 || error.status === 401) return 'session.forbidden'
    if (error.status === 400) return 'session.badLink'
  }
  return 'session.loadFailed'
}

/** A workshop: load it, ask for a name (once per device and session), connect, show the board. */
export function SessionPage({ route }: { route: SessionRoute }) {
  const t = useTranslate()
  const { sessionId, roleToken } = route
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [participant, setParticipant] = useState<ParticipantCredentials | null>(() => storedCredentials(sessionId) ?? null)

  useEffect(() => {
    let cancelled = false
    const requests = sessionRequests(sessionId, roleToken)
    const canvas = requests.config.then(canvasConfig, () => canvasConfig({ tldrawLicenseKey: null }))
    requests.session
      .then(async (info) => {
        cacheSessionInfo(info)
        const config = await canvas
        if (!cancelled) setLoaded({ state: 'ready', info, canvas: config })
      })
      .catch(async (error: unknown) => {
        // Unreachable server: open the board from this device's copy if it was here before.
        const cached = error instanceof ApiError && error.status === 0 ? cachedSessionInfo(sessionId) : undefined
        if (cancelled) return
        if (cached) setLoaded({ state: 'ready', info: cached, canvas: await canvas })
        else setLoaded({ state: 'error', messageKey: errorKey(error), reason: error })
      })
    return () => {
      cancelled = true
    }
  }, [sessionId, roleToken])

  const info = loaded.state === 'ready' ? loaded.info : null
  const role = info?.role ?? null
  const needsName = role !== null && role !== 'viewer' && !participant

  useEffect(() => {
    useIdentityStore.getState().setSession(info)
    useIdentityStore.getState().setParticipant(role === 'viewer' ? null : participant)
    if (info) document.title = `${info.title} · Pinnwand`
  }, [info, role, participant])

  const connectionOptions = useMemo<SessionConnectionOptions | null>(() => {
    if (!info || needsName) return null
    const user =
      participant && role !== 'viewer'
        ? { participantId: participant.participantId, name: participant.name, color: authorCursorColor(participant.participantId), role: role! }
        : null
    return {
      sessionId,
      roleToken,
      participantToken: role === 'viewer' ? undefined : participant?.participantToken,
      user,
    }
  }, [info, needsName, participant, role, roleToken, sessionId])

  const live = useSessionConnection(connectionOptions)
  const sessionGone = useConnectionStore((state) => state.closedCode === CLOSE_CODES.unknownSession)
  const [view, setView] = useSessionView(role)
  const language = useLanguageStore((state) => state.language)
  // The canvas, its fonts and translations load while the session syncs (not after it).
  const preparesCanvas = role !== null && view === 'canvas'
  useEffect(() => {
    if (preparesCanvas) prepareWorkshopCanvas(language)
  }, [preparesCanvas, language])

  async function join(name: string) {
    const credentials = await joinSession(sessionId, name)
    storeCredentials(sessionId, credentials)
    if (name !== ANONYMOUS_NAME) rememberName(name)
    setParticipant(credentials)
  }

  if (sessionGone)
    // Deleted while open: its notes leave every screen (the projector's too), as they left the server.
    return (
      <main className="page page--narrow" data-testid="session-gone">
        <h1>{t('session.notFound')}</h1>
        <a href="/">{t('session.toStart')}</a>
        <LanguageToggle />
      </main>
    )
  if (loaded.state === 'loading') return <p className="page page--narrow">{t('session.loading')}</p>
  if (loaded.state === 'error')
    return (
      <main className="page page--narrow">
        <h1>{t(loaded.messageKey, { message: apiErrorMessage(t, loaded.reason) })}</h1>
        <a href="/">{t('session.toStart')}</a>
        <LanguageToggle />
      </main>
    )
  if (needsName) return <NamePrompt title={loaded.info.title} initialName={rememberedName()} onJoin={join} />

  return (
    <div className="session">
      <header className="session__bar">
        <h1 className="session__title" title={loaded.info.title}>
          {loaded.info.title}
        </h1>
        {role === 'moderator' && <span className="badge badge--moderator">{t('session.moderatorBadge')}</span>}
        {role === 'viewer' && (
          <span className="badge badge--readonly" data-testid="readonly-badge">
            {t('session.readonlyBadge')}
          </span>
        )}
        <OnlineList />
        {role && <ViewSwitch role={role} view={view} onChange={setView} />}
        <span className="session__spacer" />
        {role === 'moderator' && roleToken && (
          <Suspense fallback={null}>
            <ExportPanel sessionId={sessionId} moderatorToken={roleToken} doc={live?.connection.doc} title={loaded.info.title} questions={loaded.info.questions} />
          </Suspense>
        )}
        <ConnectionIndicator />
        <LanguageToggle />
      </header>
      <UpdateNotice />
      {live?.ready && view === 'canvas' && (
        <Suspense fallback={null}>
          <PhaseBar
            doc={live.connection.doc}
            actor={{ role: role!, participantId: role === 'viewer' ? null : (participant?.participantId ?? null) }}
            questionCount={loaded.info.questions.length}
            offerFollow={role !== 'moderator'}
          />
        </Suspense>
      )}
      <div className="session__main">
        {/* Beside the canvas, not over it: floating, it covered tldraw's main menu and the boards. */}
        {live?.ready && view === 'canvas' && (
          <Suspense fallback={null}>
            <VotingResults doc={live.connection.doc} sessionId={sessionId} />
          </Suspense>
        )}
        <div className="session__canvas">
          {live?.ready ? (
            <Suspense fallback={<p className="canvas-loading">{t('session.canvasLoading')}</p>}>
              {view === 'canvas' && (
                <WorkshopCanvas
                  key={live.connection.doc.guid}
                  connection={live.connection}
                  session={loaded.info}
                  participant={role === 'viewer' ? null : participant}
                  licenseKey={loaded.canvas.licenseKey}
                  maxMessageBytes={loaded.canvas.maxMessageBytes}
                />
              )}
              {view === 'list' && (
                <ListView key={live.connection.doc.guid} connection={live.connection} session={loaded.info} participant={role === 'viewer' ? null : participant} />
              )}
              {view === 'phone' && (
                <PhoneView key={live.connection.doc.guid} connection={live.connection} session={loaded.info} participant={role === 'viewer' ? null : participant} />
              )}
            </Suspense>
          ) : (
            <p className="canvas-loading">{t('session.canvasLoading')}</p>
          )}
        </div>
        {live?.ready && role === 'moderator' && roleToken && (
          <Suspense fallback={null}>
            <ModeratorPanel sessionId={sessionId} moderatorToken={roleToken} doc={live.connection.doc} title={loaded.info.title} questions={loaded.info.questions} />
          </Suspense>
        )}
      </div>
    </div>
  )
}
