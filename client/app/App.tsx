import { useEffect, useSyncExternalStore } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { ToastHost } from '../panels/ToastHost.tsx'
import { useLanguageStore } from '../stores/languageStore.ts'
import { parseRoute } from './routes.ts'
import { SessionPage } from './SessionPage.tsx'
import { StartPage } from './StartPage.tsx'

function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener('hashchange', onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener('hashchange', onChange)
  }
}

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
      {route.page === 'start' && <StartPage />}
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
