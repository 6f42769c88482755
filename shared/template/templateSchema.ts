import * as z from 'zod'
import { firstFieldProblem, type FieldProblem } from '../api/fieldProblem.ts'

/** Limits keep a template small enough to seed and render; they name real workshop sizes, not bytes. */
export const TEMPLATE_LIMITS = {
  titleLength: 200,
  subtitleLength: 300,
  introLength: 4000,
  questionLength: 500,
  maxQuestions: 12,
} as const

/** A workshop template: what an organiser prepares before the workshop. Stored verbatim in the session. */
export const templateSchema = z
  .object({
    title: z.string().trim().min(1).max(TEMPLATE_LIMITS.titleLength),
    subtitle: z.string().max(TEMPLATE_LIMITS.subtitleLength).default(''),
    intro: z.string().max(TEMPLATE_LIMITS.introLength).default(''),
    questions: z
      .array(z.string().trim().min(1).max(TEMPLATE_LIMITS.questionLength))
      .min(1)
      .max(TEMPLATE_LIMITS.maxQuestions),
  })
  .strict()

export type WorkshopTemplate = z.infer<typeof templateSchema>

export class TemplateError extends Error {
  constructor(
    message: string,
    /** What is wrong, and where: its field is a dotted path (`questions.2`), empty for the whole template. */
    readonly issue: FieldProblem,
  ) {
    super(message)
    this.name = 'TemplateError'
  }

  get field(): string {
    return this.issue.field
  }
}

/** Validates unknown input (parsed JSON) as a template; the error names the first bad field. */
export function parseTemplate(input: unknown): WorkshopTemplate {
  const result = templateSchema.safeParse(input)
  if (result.success) return result.data
  const issue = firstFieldProblem(result.error, input)
  throw new TemplateError(`Invalid template field "${issue.field || '(root)'}": ${result.error.issues[0]!.message}`, issue)
}

/** Parses template JSON text; a syntax error is reported like a bad field at the root. */
export function parseTemplateJson(text: string): WorkshopTemplate {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new TemplateError(`Template is not valid JSON: ${(error as Error).message}`, { field: '', problem: 'wrongFormat', limit: 0 })
  }
  return parseTemplate(data)
}
