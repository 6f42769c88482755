import type { WorkshopExport } from '../exportSchema.ts'

/**
 * The export model verbatim, pretty-printed. Its shape is `workshopExportSchema` (documented as
 * JSON Schema in the README); `schemaVersion` tells readers which version they hold.
 */
export function toJson(model: WorkshopExport): string {
  return JSON.stringify(model, null, 2) + '\n'
}
