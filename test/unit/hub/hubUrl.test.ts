import { describe, expect, it } from 'vitest'
import { checkHubUrl } from '../../../src/hub/hubUrl.ts'

const page = 'https://app.example.com'

describe('given checkHubUrl', () => {
  it.each([
    'https://hub.example.com/connect',
    'https://app.example.com:8443/hub',
    'http://localhost:5174/hub.html',
    'http://127.0.0.1:9/',
    'http://[::1]:8080/hub',
  ])('when the hub is %s → it may be framed', (url) => {
    expect(checkHubUrl(url, page).href).toBe(new URL(url).href)
  })

  it.each([
    ['javascript:alert(1)', /must be an https: URL \(http: only on localhost, 127\.0\.0\.1 or \[::1\]\), not javascript:/],
    ['data:text/html,<h1>hi</h1>', /not data:/],
    ['blob:https://app.example.com/0b8f', /not blob:/],
    ['http://hub.example.com/', /not http:/],
    ['http://localhost.evil.example/', /not http:/],
    ['ftp://hub.example.com/', /not ftp:/],
    ['https://app.example.com/hub', /is on this page's own origin \(https:\/\/app\.example\.com\)/],
    ['/hub.html', /is not an absolute URL/],
    ['', /is not an absolute URL/],
    [undefined, /hubUrl undefined is not an absolute URL/],
  ])('when the hub is %s → hub_unavailable saying why', (url, message) => {
    expect(() => checkHubUrl(url, page)).toThrow(
      expect.objectContaining({ code: 'hub_unavailable', message: expect.stringMatching(message) }),
    )
  })

  it('when the page itself is on localhost → another port is another origin, the same port is refused', () => {
    expect(() => checkHubUrl('http://localhost:5174/', 'http://localhost:5174')).toThrow(/own origin/)
    expect(checkHubUrl('http://localhost:5175/', 'http://localhost:5174').origin).toBe('http://localhost:5175')
  })
})
