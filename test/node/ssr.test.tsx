import { readFile } from 'node:fs/promises'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { importOnServer } from './importOnServer.ts'

// The built package, as a Next.js or Remix server would import it: no window, no document.
const entry = '../../dist/index.js'

describe('given the built root entry on a server', () => {
  it('when imported → nothing touches window, document or navigator', async () => {
    expect(await importOnServer('index')).toEqual(expect.arrayContaining(['ConnectButton', 'useConnectHub']))
    const library = await import(entry)
    expect(typeof library.ConnectButton).toBe('object')
    expect(typeof library.useConnectHub).toBe('function')
  })

  it('when a ConnectButton is rendered to a string → a plain idle button', async () => {
    const { ConnectButton } = await import(entry)
    const html = renderToString(
      createElement(ConnectButton, { getToken: async () => 'tok', hubUrl: 'https://hub.example.test', categories: ['hris'] }),
    )
    expect(html).toBe(
      '<button type="button" class="rch-button" data-state="idle" aria-busy="false" aria-haspopup="dialog">Connect</button>',
    )
  })

  it('when built → the client entry starts with the use client directive', async () => {
    const source = await readFile(new URL(entry, import.meta.url), 'utf8')
    expect(source.startsWith('"use client";')).toBe(true)
  })
})
