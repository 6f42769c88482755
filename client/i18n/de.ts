/**
 * German UI strings (the default language). Keys are stable identifiers; `{name}` placeholders
 * are filled by `translate`. en.ts must provide every key (its type enforces that).
 */
export const de = {
  'app.name': 'Pinnwand',
  'language.toggle': 'English',
  'language.toggleLabel': 'Switch to English',

  'start.title': 'Neuer Workshop',
  'start.lead': 'Lege eine Sitzung an, teile den Link mit den Teilnehmenden und sammelt gemeinsam Karten zu den Leitfragen.',
  'start.template': 'Vorlage',
  'start.templateLoading': 'Vorlagen werden geladen …',
  'start.templateUpload': 'Eigene Vorlage (JSON-Datei) …',
  'start.templateFile': 'Vorlagendatei',
  'start.templateFileHint': 'JSON mit title, subtitle, intro und questions (Liste der Leitfragen).',
  'start.templateFileInvalid': 'Die Datei ist kein gültiges JSON: {message}',
  'start.templateFileMissing': 'Bitte eine Vorlagendatei wählen.',
  'start.questions': 'Leitfragen',
  'start.create': 'Workshop anlegen',
  'start.creating': 'Wird angelegt …',
  'start.created': 'Workshop „{title}“ ist angelegt.',
  'start.participantLink': 'Link für Teilnehmende',
  'start.participantHint': 'An alle Teilnehmenden verschicken.',
  'start.moderatorLink': 'Moderationslink',
  'start.moderatorHint': 'Geheim halten: wer ihn hat, moderiert.',
  'start.viewerLink': 'Beamer-Link (nur lesen)',
  'start.viewerHint': 'Für die Projektion im Raum.',
  'start.copy': 'Kopieren',
  'start.copied': 'Kopiert',
  'start.open': 'Öffnen',
  'start.another': 'Weiteren Workshop anlegen',

  'session.loading': 'Workshop wird geladen …',
  'session.notFound': 'Diesen Workshop gibt es nicht (mehr).',
  'session.forbidden': 'Dieser Link ist ungültig.',
  'session.badLink': 'Dieser Link ist fehlerhaft.',
  'session.loadFailed': 'Der Workshop konnte nicht geladen werden: {message}',
  'session.toStart': 'Zur Startseite',
  'session.canvasLoading': 'Pinnwand wird geladen …',
  'session.moderatorBadge': 'Moderation',
  'session.readonlyBadge': 'Nur lesen',

  'name.title': 'Wie möchtest du heißen?',
  'name.lead': 'Dein Name steht an deinen Karten und neben deinem Mauszeiger. Er wird auf diesem Gerät gemerkt.',
  'name.label': 'Anzeigename',
  'name.placeholder': 'z. B. Anna',
  'name.submit': 'Mitmachen',
  'name.anonymous': 'Anonym mitmachen',
  'name.joining': 'Einen Moment …',
  'name.joinFailed': 'Beitreten hat nicht geklappt: {message}',

  'connection.online': 'Online',
  'connection.connecting': 'Verbinde …',
  'connection.reconnecting': 'Verbindung wird wiederhergestellt …',
  'connection.offline': 'Offline – Karten werden auf diesem Gerät gespeichert',
  'connection.refused': 'Eine Änderung wurde vom Server abgelehnt ({reason}). Die Pinnwand wird neu geladen.',
  'connection.closed': 'Die Verbindung wurde beendet: {reason}',
  'connection.permissionDenied': 'Nicht erlaubt: {reason}',

  'online.title': 'Online',
  'online.you': 'du',
  'online.count': '{count} online',

  'board.addNote': '+ Karte',
  'board.addNoteLabel': 'Karte zu „{question}“ hinzufügen',
  'board.addNoteShortcut': 'Taste N: Karte auf die Pinnwand in der Bildmitte',
  'board.noBoard': 'Keine Pinnwand in der Bildmitte. Verschiebe die Ansicht auf eine Pinnwand.',
  'board.refused': 'Nicht möglich: {reason}',
} as const

export type MessageKey = keyof typeof de
export type Messages = Record<MessageKey, string>
