import { readFile } from 'node:fs/promises'
import { createElement, type FunctionComponent, isValidElement } from 'react'
import { renderToStaticMarkup, renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { importOnServer } from './importOnServer.ts'

// Every entry of the built package, imported and rendered the way a Next.js or Remix server would: no window, no document.
const ENTRIES = ['index', 'session', 'protocol', 'server', 'dev', 'stackone'] as const
const load = (entry: (typeof ENTRIES)[number]): Promise<Record<string, unknown>> => import(`../../dist/${entry}.js`)

const hubOptions = { getToken: async () => 'tok', hubUrl: 'https://hub.example.test/', categories: ['hris'] }
const isComponent = (value: unknown) => typeof value === 'object' && value !== null && '$$typeof' in value
const isHook = (name: string, value: unknown) => /^use[A-Z]/.test(name) && typeof value === 'function'

describe('given every entry of the built package on a server', () => {
  it.each(ENTRIES)('when the %s entry is imported → it touches no browser global and exports something', async (entry) => {
    // window, document and navigator throw in that process when the package's code reads them, even through typeof.
    const names = await importOnServer(entry)
    expect(names.length).toBeGreaterThan(0)
    expect(names.sort()).toEqual(Object.keys(await load(entry)).sort())
  })

  it.each(ENTRIES)(
    'when every component and hook of the %s entry is rendered to a string → it renders without a browser',
    async (entry) => {
      const library = await load(entry)
      const rendered: string[] = []
      for (const [name, value] of Object.entries(library)) {
        if (isComponent(value)) {
          const html = renderToString(createElement(value as FunctionComponent<typeof hubOptions>, hubOptions))
          expect(html).toMatch(/^<button [^>]*data-state="idle"[^>]*>Connect<\/button>$/)
          rendered.push(name)
        } else if (isHook(name, value)) {
          const hook = value as (options: typeof hubOptions) => { status: string; isOpen: boolean }
          let state: { status: string; isOpen: boolean } | undefined
          const Probe = () => {
            state = hook(hubOptions)
            return null
          }
          expect(renderToString(createElement(Probe))).toBe('')
          expect(state).toMatchObject({ status: 'idle', isOpen: false })
          rendered.push(name)
        }
      }
      expect(rendered).toEqual(entry === 'index' ? ['ConnectButton', 'useConnectHub'] : [])
    },
  )

  it('when the root button is given the StackOne hub → the server renders the same plain button', async () => {
    const { ConnectButton } = await load('index')
    const { stackOneHub } = (await load('stackone')) as { stackOneHub: () => unknown }
    const element = createElement(ConnectButton as FunctionComponent<Record<string, unknown>>, { ...hubOptions, hub: stackOneHub() })
    expect(isValidElement(element)).toBe(true)
    expect(renderToStaticMarkup(element)).toBe(
      '<button type="button" class="rch-button" data-state="idle" aria-busy="false" aria-haspopup="dialog">Connect</button>',
    )
  })

  it.each(['index', 'stackone'])('when built → the %s client entry starts with the use client directive', async (entry) => {
    const source = await readFile(new URL(`../../dist/${entry}.js`, import.meta.url), 'utf8')
    expect(source.startsWith('"use client";')).toBe(true)
  })

  it.each(['protocol', 'session', 'server'])('when built → the %s entry, for any runtime, has no use client directive', async (entry) => {
    const source = await readFile(new URL(`../../dist/${entry}.js`, import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*["']use client["']/m)
  })

  it('when the protocol entry is imported → a hub author gets the builders, parsers and constants, and nothing of React', async () => {
    const protocol = await load('protocol')
    expect(Object.keys(protocol).sort()).toEqual(
      [
        'LIMITS',
        'PROTOCOL',
        'PROTOCOL_VERSION',
        'colorScheme',
        'cssColor',
        'directionOf',
        'hostMessage',
        'hubFrameUrl',
        'hubMessage',
        'localeTag',
        'lookParams',
        'parseAppearance',
        'parseHostMessage',
        'parseHubMessage',
        'pickLocale',
        'readLook',
      ].sort(),
    )
    const imported = new Set<string>()
    const walk = async (file: URL): Promise<void> => {
      const source = await readFile(file, 'utf8')
      for (const [, specifier = ''] of source.matchAll(/from\s*["']([^"']+)["']/g)) {
        if (!specifier.startsWith('.')) imported.add(specifier)
        else await walk(new URL(specifier, file))
      }
    }
    await walk(new URL('../../dist/protocol.js', import.meta.url))
    expect([...imported]).toEqual([])
  })

  it('when the root entry is imported → it no longer carries the protocol helpers meant for hub authors', async () => {
    const root = await load('index')
    for (const name of ['hostMessage', 'hubMessage', 'parseHostMessage', 'parseHubMessage', 'hubFrameUrl', 'PROTOCOL', 'frameHub']) {
      expect(root).not.toHaveProperty(name)
    }
    expect(Object.keys(root).sort()).toEqual([
      'ACCOUNT_TYPES',
      'CATEGORIES',
      'ConnectButton',
      'ConnectHubError',
      'isConnectHubError',
      'useConnectHub',
    ])
  })
})
