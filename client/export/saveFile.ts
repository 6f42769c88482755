/**
 * Hands a file to the browser's download: a temporary object URL on a hidden `<a download>`.
 * Works the same for server exports and canvas pictures, and Playwright sees a real download.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Not at once: the browser reads the blob after the click returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
