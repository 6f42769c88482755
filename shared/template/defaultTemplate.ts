import seedWorkshop from './templates/beteiligung-als-schritt-zum-engagement.json' with { type: 'json' }
import { parseTemplate, type WorkshopTemplate } from './templateSchema.ts'

/** The seed workshop from the "Kommunen innovativ" invitation; its questions are taken verbatim. */
export const defaultTemplate: WorkshopTemplate = parseTemplate(seedWorkshop)

/** Built-in templates offered on the start page, by id. */
export const builtInTemplates: Readonly<Record<string, WorkshopTemplate>> = {
  'beteiligung-als-schritt-zum-engagement': defaultTemplate,
}

export const DEFAULT_TEMPLATE_ID = 'beteiligung-als-schritt-zum-engagement'
