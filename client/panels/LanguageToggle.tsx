import { useTranslate } from '../i18n/translate.ts'
import { useLanguageStore } from '../stores/languageStore.ts'

export function LanguageToggle() {
  const t = useTranslate()
  const toggle = useLanguageStore((state) => state.toggleLanguage)
  return (
    <button type="button" className="button button--quiet" data-testid="language-toggle" aria-label={t('language.toggleLabel')} onClick={toggle}>
      {t('language.toggle')}
    </button>
  )
}
