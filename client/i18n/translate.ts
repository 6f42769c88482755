import { useCallback } from 'react'
import { useLanguageStore, type Language } from '../stores/languageStore.ts'
import { de, type MessageKey, type Messages } from './de.ts'
import { en } from './en.ts'

export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const catalogues: Record<Language, Messages> = { de, en }

/** Looks up `key` in `language` and fills `{placeholders}`. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[language][key] ?? de[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

/** The translate function for the current UI language; re-renders when the language changes. */
export function useTranslate(): Translate {
  const language = useLanguageStore((state) => state.language)
  return useCallback<Translate>((key, params) => translate(language, key, params), [language])
}

/** Translation outside React (connection events, toasts), in the language chosen right now. */
export function translateNow(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(useLanguageStore.getState().language, key, params)
}
