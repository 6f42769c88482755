import { describe, expect, it } from 'vitest'
import { clientBuildOfEntry, clientBuildOfIndexHtml, servesOtherBuild } from './clientBuild.ts'

describe('clientBuildOfEntry', () => {
  it('names the entry file of a URL or path', () => {
    expect(clientBuildOfEntry('http://127.0.0.1:4100/assets/index-B3xq9f2a.js')).toBe('index-B3xq9f2a.js')
    expect(clientBuildOfEntry('/assets/index-B3xq9f2a.js?v=1#x')).toBe('index-B3xq9f2a.js')
  })

  it('names nothing for a path without a file', () => {
    expect(clientBuildOfEntry('/assets/')).toBeNull()
    expect(clientBuildOfEntry('')).toBeNull()
  })
})

describe('clientBuildOfIndexHtml', () => {
  it('finds the module entry script Vite writes', () => {
    const html = `<!doctype html><html><head>
      <link rel="modulepreload" crossorigin href="/assets/vendor-Aa1.js">
      <script type="module" crossorigin src="/assets/index-B3xq9f2a.js"></script>
      <link rel="stylesheet" crossorigin href="/assets/index-Cc3.css">
    </head><body><div id="root"></div></body></html>`
    expect(clientBuildOfIndexHtml(html)).toBe('index-B3xq9f2a.js')
  })

  it('reads the attributes in any order and quoting, and skips classic and inline scripts', () => {
    const html = `<script>window.x = 1</script><script src="/legacy.js"></script><script src='/assets/main-9z.js' type=module></script>`
    expect(clientBuildOfIndexHtml(html)).toBe('main-9z.js')
  })

  it('is null for a page without a module entry', () => {
    expect(clientBuildOfIndexHtml('<!doctype html><title>Pinnwand</title>')).toBeNull()
    expect(clientBuildOfIndexHtml('<script type="module">import "./x.js"</script>')).toBeNull()
  })
})

describe('servesOtherBuild', () => {
  it('is true only when both builds are known and differ', () => {
    expect(servesOtherBuild('index-a.js', 'index-b.js')).toBe(true)
    expect(servesOtherBuild('index-a.js', 'index-a.js')).toBe(false)
    expect(servesOtherBuild(null, 'index-b.js')).toBe(false)
    expect(servesOtherBuild('index-a.js', null)).toBe(false)
  })
})
