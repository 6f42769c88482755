import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export type Language = 'de' | 'en'
export const LANGUAGES: readonly Language[] = ['de', 'en']

interface LanguageState {
  language: Language
  setLanguage: (language: Language) => void
  toggleLanguage: () => void
}

/** The UI language, German unless the person switched; remembered on the device. */
export const useLanguageStore = create<LanguageState>()(
  persist(
    (set, get) => ({
      language: 'de',
      setLanguage: (language) => set({ language }),
      toggleLanguage: () => set({ language: get().language === 'de' ? 'en' : 'de' }),
    }),
    { name: 'pinnwand:language', storage: createJSONStorage(() => localStorage) },
  ),
)
