import type { ExportNote, WorkshopExport } from '../exportSchema.ts'
import { escapeMarkdownHeading, escapeMarkdownInline, escapeMarkdownLine, markdownListItem } from './markdownText.ts'
import {
  clusterHeading,
  noteByline,
  otherRoundRankings,
  PROTOCOL_TEXT,
  protocolNotices,
  protocolStatusLine,
  questionHeading,
  rankingHeading,
  rankingKindText,
  rankingLabel,
  roundsExplanation,
  roundSummary,
  showsRanking,
  type ProtocolRenderOptions,
} from './protocolText.ts'

/**
 * The Protokoll as Markdown (CommonMark + GFM table for the ranking): title, status line, then
 * per guiding question its clusters with their notes, the notes without cluster and the ranking.
 * Each note is one list item: its text line by line, then an italic byline with author, time
 * and dots. After several voting rounds, an overview of the rounds comes first and each board's
 * ranking is followed by those of the earlier rounds.
 */
export function toMarkdown(model: WorkshopExport, options: ProtocolRenderOptions = {}): string {
  const blocks: string[] = [`# ${escapeMarkdownHeading(model.workshop.title)}`]
  if (model.workshop.subtitle.trim() !== '') blocks.push(escapeMarkdownLine(model.workshop.subtitle.trim()))
  blocks.push(escapeMarkdownInline(protocolStatusLine(model, options)))
  const notices = protocolNotices(model)
  if (notices.length > 0) blocks.push(notices.map((notice) => `> ${escapeMarkdownInline(notice)}`).join('\n>\n'))
  if (model.rounds) {
    blocks.push(`## ${PROTOCOL_TEXT.rounds}`)
    blocks.push(model.rounds.map((round) => `- ${escapeMarkdownInline(roundSummary(round, options))}`).join('\n'))
    blocks.push(escapeMarkdownInline(roundsExplanation(model)))
  }

  for (const board of model.boards) {
    blocks.push(`## ${escapeMarkdownHeading(questionHeading(board))}`)
    if (board.clusters.length === 0 && board.unclusteredNotes.length === 0) blocks.push(`*${PROTOCOL_TEXT.noNotes}*`)
    for (const cluster of board.clusters) {
      blocks.push(`### ${escapeMarkdownHeading(clusterHeading(cluster.label, cluster.dots))}`)
      blocks.push(cluster.notes.length > 0 ? noteList(cluster.notes, options) : `*${PROTOCOL_TEXT.emptyCluster}*`)
    }
    if (board.unclusteredNotes.length > 0) {
      if (board.clusters.length > 0) blocks.push(`### ${PROTOCOL_TEXT.unclustered}`)
      blocks.push(noteList(board.unclusteredNotes, options))
    }
    if (showsRanking(model, board)) {
      blocks.push(`### ${escapeMarkdownHeading(rankingHeading(model))}`)
      blocks.push(board.ranking.length > 0 ? rankingTable(board.ranking) : `*${PROTOCOL_TEXT.noDots}*`)
    }
    for (const { heading, ranking } of otherRoundRankings(model, board)) {
      blocks.push(`### ${escapeMarkdownHeading(heading)}`)
      blocks.push(rankingTable(ranking))
    }
  }

  if (model.notesOutsideBoards.length > 0) {
    blocks.push(`## ${PROTOCOL_TEXT.notesOutsideBoards}`)
    blocks.push(noteList(model.notesOutsideBoards, options))
  }
  return blocks.join('\n\n') + '\n'
}

function noteList(notes: readonly ExportNote[], options: ProtocolRenderOptions): string {
  return notes
    .map((note) => {
      const lines = note.text === '' ? [`*${PROTOCOL_TEXT.emptyNote}*`] : note.text.split('\n').map(escapeMarkdownLine)
      return markdownListItem([...lines, `*${escapeMarkdownInline(noteByline(note, options))}*`])
    })
    .join('\n')
}

function rankingTable(ranking: WorkshopExport['boards'][number]['ranking']): string {
  const header = `| ${PROTOCOL_TEXT.rankingColumns.join(' | ')} |`
  const alignment = '| ---: | ---: | --- | --- |'
  const rows = ranking.map(
    (entry) => `| ${entry.place} | ${entry.dots} | ${rankingKindText(entry)} | ${escapeMarkdownInline(rankingLabel(entry))} |`,
  )
  return [header, alignment, ...rows].join('\n')
}
