import type { Editor, TLUiOverrides } from 'tldraw'
import { useLanguageStore } from '../stores/languageStore.ts'

/**
 * tldraw's menus, tooltips and labels in the app's language. tldraw's UI takes its language from
 * its user preferences (by default the browser's), not from the `locale` prop, which only its
 * loading screen reads: a German workshop in an English browser showed "Undo", "Select", "Note".
 * Returns the unsubscribe function.
 */
export function followAppLanguage(editor: Editor): () => void {
  const apply = (language: string) => {
    if (editor.user.getLocale() !== language) editor.user.updateUserPreferences({ locale: language })
  }
  apply(useLanguageStore.getState().language)
  return useLanguageStore.subscribe((state) => apply(state.language))
}

/** tldraw's German calls a sticky note "Hinweis" (a notice); on a pinboard it is a "Karte". */
export const PINNWAND_TRANSLATIONS: NonNullable<TLUiOverrides['translations']> = { de: { 'tool.note': 'Karte' } }
