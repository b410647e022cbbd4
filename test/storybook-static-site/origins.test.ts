import { afterEach, describe, expect, test, vi } from 'vitest'
import { onPartner, partnerOrigin } from '../../.storybook/static/origins.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe("a static Storybook's two origins", () => {
  test('on this machine: the other loopback name, same port, both ways', () => {
    expect(partnerOrigin('http://localhost:6006')).toBe('http://127.0.0.1:6006')
    expect(partnerOrigin('http://127.0.0.1:6006')).toBe('http://localhost:6006')
    expect(onPartner(new URL('http://localhost:8080/docs/storybook/connect-hub/')).href).toBe(
      'http://127.0.0.1:8080/docs/storybook/connect-hub/',
    )
  })

  test('on a domain: the pair named at build time, both ways', () => {
    vi.stubEnv('STORYBOOK_CONNECT_HUB_ORIGINS', 'https://storybook.example.com https://storybook-hub.example.com')
    expect(partnerOrigin('https://storybook.example.com')).toBe('https://storybook-hub.example.com')
    expect(partnerOrigin('https://storybook-hub.example.com')).toBe('https://storybook.example.com')
    expect(onPartner(new URL('https://storybook.example.com/sb/connect-hub/')).href).toBe(
      'https://storybook-hub.example.com/sb/connect-hub/',
    )
  })

  test('anywhere else: no partner, and the error says what to set', () => {
    expect(() => partnerOrigin('https://storybook.example.com')).toThrow(/^react-connect-hub: .*STORYBOOK_CONNECT_HUB_ORIGINS=/)
    vi.stubEnv('STORYBOOK_CONNECT_HUB_ORIGINS', 'https://storybook.example.com https://storybook-hub.example.com')
    expect(() => partnerOrigin('https://evil.example')).toThrow(/STORYBOOK_CONNECT_HUB_ORIGINS/)
  })

  test('a pair that is not two distinct origins is refused', () => {
    for (const value of ['https://storybook.example.com', 'https://a.example https://a.example', 'storybook hub']) {
      vi.stubEnv('STORYBOOK_CONNECT_HUB_ORIGINS', value)
      expect(() => partnerOrigin('http://localhost:6006'), value).toThrow(/must name two origins/)
    }
  })
})
