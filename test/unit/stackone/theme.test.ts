import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseAppearance } from '../../../src/protocol/appearance.ts'
import { stackOneThemes } from '../../../src/stackone/theme.ts'

const systemIs = (scheme: 'light' | 'dark') =>
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === `(prefers-color-scheme: ${scheme})` }))

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('given the host’s appearance → the themes StackOne’s hub is handed, in turn', () => {
  it('when the scheme is forced → that scheme, whatever the system says', () => {
    systemIs('light')
    expect(stackOneThemes(parseAppearance({ colorScheme: 'dark' }))).toEqual(['dark'])
    systemIs('dark')
    expect(stackOneThemes(parseAppearance({ colorScheme: 'light' }))).toEqual(['light'])
  })

  it('when the scheme is system → the system’s, read when the hub opens', () => {
    systemIs('dark')
    expect(stackOneThemes(parseAppearance({}))).toEqual(['dark'])
    systemIs('light')
    expect(stackOneThemes(parseAppearance({ colorScheme: 'system' }))).toEqual(['light'])
  })

  it('when there is no matchMedia → light', () => {
    vi.stubGlobal('matchMedia', undefined)
    expect(stackOneThemes(parseAppearance({}))).toEqual(['light'])
  })

  it('when an accent is given → the scheme, then a theme whose primary colour is the accent', () => {
    systemIs('light')
    expect(stackOneThemes(parseAppearance({ colorScheme: 'dark', accent: '#0a7', radius: '4px', fontFamily: 'Inter' }))).toEqual([
      'dark',
      { colors: { primary: { background: '#0a7', border: '#0a7', borderHover: '#0a7' } } },
    ])
  })

  it('when the accent is hostile → the scheme alone', () => {
    systemIs('light')
    expect(stackOneThemes(parseAppearance({ accent: 'red;}body{display:none' }))).toEqual(['light'])
  })
})
