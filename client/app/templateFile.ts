/** What reading an organiser's template file gave: its JSON, or what is wrong with the file. */
export type TemplateFileReading =
  | { ok: true; content: unknown }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'notJson'; at?: { line: number; column: number } }

/**
 * Parses a template file's text. Browsers word JSON.parse's errors differently (and in English);
 * the start page says what is wrong in its own words and names the line and column where the
 * browser gives a place: "… at position 38" (Chromium), "… (line 4 column 22)" (newer
 * Chromium), "… at line 4 column 22 of the JSON data" (Firefox). Safari gives none.
 */
export function readTemplateFile(text: string): TemplateFileReading {
  if (text.trim() === '') return { ok: false, problem: 'empty' }
  try {
    return { ok: true, content: JSON.parse(text) }
  } catch (error) {
    const at = jsonErrorPlace(error instanceof Error ? error.message : String(error), text)
    return { ok: false, problem: 'notJson', ...(at ? { at } : {}) }
  }
}

/** Line and column (1-based) named by a JSON.parse error `message` about `text`, if it names a place. */
export function jsonErrorPlace(message: string, text: string): { line: number; column: number } | undefined {
  const lineAndColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineAndColumn) return { line: Number(lineAndColumn[1]), column: Number(lineAndColumn[2]) }
  const position = /at position (\d+)/.exec(message)
  if (!position) return undefined
  const before = text.slice(0, Number(position[1]))
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: before.length - lineStart + 1 }
}
