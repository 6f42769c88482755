import { AssetRecordType, getHashForString, type Editor, type TLBookmarkAsset, type TLEmbedDefinition, type TLUiOverrides } from 'tldraw'

/**
 * Links pasted or dropped onto the canvas, the self-hosted way.
 *
 * tldraw's defaults reach out to other sites: a link becomes a bookmark whose title and preview
 * image tldraw fetches from the linked page, and links to YouTube, Google Maps and a dozen more
 * become embeds that frame those sites. Our Content-Security-Policy blocks both, which left a
 * grey box, an empty card and an English error toast. So the canvas has no embeds (the
 * `embeds` prop is empty and "Insert embed" is gone), and a link becomes a bookmark that shows
 * its own address, made without any request.
 */
export const NO_EMBEDS: TLEmbedDefinition[] = []

/** A bookmark asset for `url` that names the address itself instead of the fetched page title. */
function bookmarkForLink(url: string): TLBookmarkAsset {
  return AssetRecordType.create({
    // tldraw's own id for a link's bookmark, so pasting the same link twice shares one asset.
    id: AssetRecordType.createId(getHashForString(url)),
    type: 'bookmark',
    props: { src: url, title: readableAddress(url), description: '', image: '', favicon: '' },
    meta: {},
  }) as TLBookmarkAsset
}

/** `https://www.example.org/beteiligung/` → `www.example.org/beteiligung`. */
function readableAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}

/** Replaces tldraw's link handler, which fetches the linked page (registered before onMount runs). */
export function registerLinksWithoutPreview(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => bookmarkForLink(url))
}

/** tldraw's actions without "Insert embed" (main menu, Ctrl+I and the shortcuts dialog). */
export const withoutEmbedAction: NonNullable<TLUiOverrides['actions']> = (_editor, actions) => {
  delete actions['insert-embed']
  return actions
}
