import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { ToastHost } from '../panels/ToastHost.tsx'
import { useLanguageStore } from '../stores/languageStore.ts'
import { parseRoute } from './routes.ts'
import { SessionPage } from './SessionPage.tsx'

function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener('hashchange', onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener('hashchange', onChange)
  }
}

// A participant's phone never needs the start page: keeping it out of the entry chunk leaves room
// in the phone view's budget (issue 7).
const StartPage = lazy(() => import('./StartPage.tsx').then((module) => ({ default: module.StartPage })))

const currentLocation = () => window.location.pathname + window.location.hash

/** Picks the page from the URL; pages are few, so no router library. */
export function App() {
  const location = useSyncExternalStore(subscribeToLocation, currentLocation)
  const language = useLanguageStore((state) => state.language)
  const t = useTranslate()
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const route = parseRoute(window.location.pathname, window.location.hash)
  return (
    <>
      {route.page === 'start' && (
        <Suspense fallback={null}>
          <StartPage />
        </Suspense>
      )}
      {route.page === 'session' && <SessionPage key={location} route={route} />}
      {route.page === 'notFound' && (
        <main className="page page--narrow">
          <h1>{t('session.badLink')}</h1>
          <a href="/">{t('session.toStart')}</a>
        </main>
      )}
      <ToastHost />
    </>
  )
}
