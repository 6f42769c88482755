import { describe, expect, it } from 'vitest'
import { jsonErrorPlace, readTemplateFile } from './templateFile.ts'

describe('readTemplateFile', () => {
  it('gives the JSON of a valid file', () => {
    expect(readTemplateFile('{"title": "Werkstatt", "questions": ["Was fehlt?"]}')).toEqual({
      ok: true,
      content: { title: 'Werkstatt', questions: ['Was fehlt?'] },
    })
  })

  it('names an empty file as empty', () => {
    expect(readTemplateFile('')).toEqual({ ok: false, problem: 'empty' })
    expect(readTemplateFile(' \n\t ')).toEqual({ ok: false, problem: 'empty' })
  })

  it("places V8's error (the engine of Node and Chromium) by line and column", () => {
    // The missing comma is on line 3; V8 reports the offset of the second string.
    const text = '{\n  "title": "Werkstatt",\n  "questions": ["Was läuft gut?" "Was fehlt?"]\n}'
    const reading = readTemplateFile(text)
    expect(reading).toEqual({ ok: false, problem: 'notJson', at: { line: 3, column: text.split('\n')[2]!.indexOf('"Was fehlt?"') + 1 } })
  })

  it("reads the line and column of Firefox's and newer Chromium's wording", () => {
    // Not producible in Node: the messages as those browsers word them.
    const firefox = `JSON.parse: expected ',' or ']' after array element at line 3 column 34 of the JSON data`
    const chromium = `Expected ',' or ']' after array element in JSON at position 58 (line 3 column 34)`
    expect(jsonErrorPlace(firefox, '')).toEqual({ line: 3, column: 34 })
    expect(jsonErrorPlace(chromium, '')).toEqual({ line: 3, column: 34 })
  })

  it('leaves the place out where the message gives none', () => {
    // V8 words an unexpected token without its position.
    expect(readTemplateFile('{"title": tru}')).toEqual({ ok: false, problem: 'notJson' })
  })
})
