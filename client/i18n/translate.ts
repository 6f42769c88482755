import { useCallback, useSyncExternalStore } from 'react'
import { useLanguageStore, type Language } from '../stores/languageStore.ts'
import { de, type MessageKey, type Messages } from './de.ts'

export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * German is the default and ships with the app; English is loaded when someone picks it, so the
 * phone view's budget (e2e/phoneBundle.spec.ts) does not carry a second catalogue. Until it has
 * arrived (a few milliseconds), messages fall back to German.
 */
const catalogues: Partial<Record<Language, Messages>> = { de }
const listeners = new Set<() => void>()
let loadedCount = 1
let englishLoading: Promise<void> | undefined

/** Loads the catalogue of `language` if it is not there yet; resolves when it is. */
export function loadCatalogue(language: Language): Promise<void> {
  if (catalogues[language]) return Promise.resolve()
  englishLoading ??= import('./en.ts').then(({ en }) => {
    catalogues.en = en
    loadedCount += 1
    for (const listener of listeners) listener()
  })
  return englishLoading
}

if (useLanguageStore.getState().language !== 'de') void loadCatalogue(useLanguageStore.getState().language)
useLanguageStore.subscribe((state) => void loadCatalogue(state.language))

/** Looks up `key` in `language` and fills `{placeholders}`. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[language]?.[key] ?? de[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

function subscribeToCatalogues(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The translate function for the current UI language; re-renders when the language (or its catalogue) arrives. */
export function useTranslate(): Translate {
  const language = useLanguageStore((state) => state.language)
  const loaded = useSyncExternalStore(subscribeToCatalogues, () => loadedCount)
  // `loaded` is a dependency so components re-render with the catalogue once it has arrived.
  return useCallback<Translate>((key, params) => translate(language, key, params), [language, loaded])
}

/** Translation outside React (connection events, toasts), in the language chosen right now. */
export function translateNow(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(useLanguageStore.getState().language, key, params)
}
