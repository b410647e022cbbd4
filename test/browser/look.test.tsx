import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectButtonProps } from '../../src/index.ts'
import { frames, guardEachTest, hubUrl, openDialog, recorder } from './harness.ts'

// The launcher's words and looks, in a real browser: the language of its dialog (and its direction), the host's
// appearance on the dialog under the host's own --rch-* variables, and the look the hub's URL carries.
guardEachTest()

const lang = document.documentElement.lang
afterEach(() => {
  document.documentElement.lang = lang
  for (const style of document.querySelectorAll('style[data-test-look]')) style.remove()
})

function renderButton(props: Partial<ConnectButtonProps>) {
  const t = recorder()
  render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} {...props} />)
  return t
}

async function openWith(props: Partial<ConnectButtonProps>, name = 'Connect') {
  const t = renderButton(props)
  await userEvent.click(screen.getByRole('button', { name }))
  return { t, dialog: await screen.findByRole('dialog') }
}

/** The launcher's dialog, with its name, once it is named `title`. */
async function dialogNamed(title: string) {
  return screen.findByRole('dialog', { name: title })
}

const close = async (name = 'Close') => userEvent.click(screen.getByRole('button', { name }))

describe('given a locale', () => {
  it('when it is fr → the dialog is named in French, its close control and its error words are French', async () => {
    await openWith({ locale: 'fr', hubUrl: hubUrl('error') })
    const dialog = await dialogNamed('Connecter un compte')
    expect(dialog).toHaveAttribute('lang', 'fr')
    expect(dialog).toHaveAttribute('dir', 'ltr')
    const alert = await within(dialog).findByRole('alert')
    await waitFor(() =>
      expect(alert.querySelector('.rch-error-message')).toHaveTextContent('Le service de connexion a rencontré un problème.'),
    )
    expect(alert).toHaveTextContent('La connexion n’a pas pu être ouverte.')
    expect(within(dialog).getByRole('button', { name: 'Réessayer' })).toHaveFocus()
    await close('Fermer')
  })

  it('when it is fr and the button edits an account → the dialog is named "Modifier la connexion"', async () => {
    await openWith({ locale: 'fr', accountId: 'acc_1' }, 'Edit connection')
    await dialogNamed('Modifier la connexion')
    await close('Fermer')
  })

  it('when it is ar → the dialog is right-to-left and mirrors: its close control on the left of its title', async () => {
    await openWith({ locale: 'ar' })
    const dialog = await dialogNamed('ربط حساب')
    expect(dialog).toHaveAttribute('dir', 'rtl')
    expect(dialog).toHaveAttribute('lang', 'ar')
    const title = (dialog.querySelector('.rch-title') as HTMLElement).getBoundingClientRect()
    const button = screen.getByRole('button', { name: 'إغلاق' }).getBoundingClientRect()
    expect(button.right).toBeLessThanOrEqual(title.left)
    await close('إغلاق')
  })

  it('when it is en → the close control is on the right of the title', async () => {
    await openWith({ locale: 'en' })
    const dialog = await dialogNamed('Connect an account')
    expect(dialog).toHaveAttribute('dir', 'ltr')
    const title = (dialog.querySelector('.rch-title') as HTMLElement).getBoundingClientRect()
    expect(screen.getByRole('button', { name: 'Close' }).getBoundingClientRect().left).toBeGreaterThanOrEqual(title.right)
    await close()
  })

  it('when it is de-CH → German words (by its language), and the hub is told de-CH', async () => {
    await openWith({ locale: 'de-CH' })
    const dialog = await dialogNamed('Konto verbinden')
    expect(dialog).toHaveAttribute('lang', 'de-CH')
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeVisible()
    await waitFor(() => expect(frames()).toHaveLength(1))
    expect(new URL(frames()[0]?.src ?? '').searchParams.get('locale')).toBe('de-CH')
    await close('Schließen')
  })

  it('when it is xx (no built-in words) → English words', async () => {
    await openWith({ locale: 'xx' })
    await dialogNamed('Connect an account')
    await close()
  })

  it('when there is none → the page’s <html lang> picks the words; labels still replace any word', async () => {
    document.documentElement.lang = 'es'
    await openWith({ labels: { close: 'Salir' } })
    await dialogNamed('Conectar una cuenta')
    expect(screen.getByRole('button', { name: 'Salir' })).toBeVisible()
    await close('Salir')
  })
})

describe('given an appearance', () => {
  const background = (element: Element) => getComputedStyle(element).backgroundColor

  it('when colorScheme is dark on a page whose system scheme is light → the dialog is dark', async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(false)
    const { dialog } = await openWith({ appearance: { colorScheme: 'dark' }, hubUrl: hubUrl('none', '&silent') })
    await waitFor(() => expect(background(dialog)).toBe('rgb(24, 24, 27)'))
    expect(getComputedStyle(dialog).color).toBe('rgb(244, 244, 245)')
    await close()
  })

  it('when colorScheme is light or system on that page → the dialog is light', async () => {
    for (const colorScheme of ['light', 'system'] as const) {
      const { dialog } = await openWith({ appearance: { colorScheme }, hubUrl: hubUrl('none', '&silent') })
      await dialogNamed('Connect an account')
      expect(background(dialog)).toBe('rgb(255, 255, 255)')
      await close()
      cleanup()
    }
  })

  it('when it gives an accent, a radius and a font → the spinner, the corners and the text follow them', async () => {
    const appearance = { accent: 'rgb(0, 128, 0)', radius: '3px', fontFamily: 'Courier New, monospace' }
    const { dialog } = await openWith({ appearance, hubUrl: hubUrl('none', '&silent') })
    await waitFor(() => expect(getComputedStyle(dialog.querySelector('.rch-spinner') as Element).borderTopColor).toBe('rgb(0, 128, 0)'))
    // The dialog's own corners are square on a screen this narrow (it fills it); its buttons keep theirs.
    expect(getComputedStyle(screen.getByRole('button', { name: 'Close' })).borderTopLeftRadius).toBe('3px')
    // Firefox serialises the family without its quotes.
    expect(getComputedStyle(dialog.querySelector('.rch-title') as Element).fontFamily.replaceAll('"', '')).toBe('Courier New, monospace')
    await close()
  })

  it('when the host sets --rch-* too → the host’s variables win over the appearance', async () => {
    const style = Object.assign(document.createElement('style'), {
      textContent: '.rch-dialog{--rch-bg:rgb(1, 2, 3);--rch-accent:rgb(200, 0, 0);--rch-radius:5px}',
    })
    style.dataset.testLook = ''
    document.head.append(style)
    const appearance = { colorScheme: 'dark', accent: 'rgb(0, 128, 0)', radius: '3px' } as const
    const { dialog } = await openWith({ appearance, hubUrl: hubUrl('none', '&silent') })
    await dialogNamed('Connect an account')
    // The appearance did reach the dialog (its text is the dark scheme's), under the host's variables.
    await waitFor(() => expect(getComputedStyle(dialog).color).toBe('rgb(244, 244, 245)'))
    expect(background(dialog)).toBe('rgb(1, 2, 3)')
    expect(getComputedStyle(dialog.querySelector('.rch-spinner') as Element).borderTopColor).toBe('rgb(200, 0, 0)')
    expect(getComputedStyle(screen.getByRole('button', { name: 'Close' })).borderTopLeftRadius).toBe('5px')
    await close()
  })

  it('when the hub loads → its URL carries locale, scheme, accent, radius and font, and nothing else new', async () => {
    await openWith({
      locale: 'fr',
      appearance: { colorScheme: 'dark', accent: '#0a7', radius: '8px', fontFamily: 'Inter, sans-serif' },
    })
    await waitFor(() => expect(frames()).toHaveLength(1))
    const params = new URL(frames()[0]?.src ?? '').searchParams
    expect([...params.keys()]).toEqual(['then', 'v', 'origin', 'display', 'locale', 'scheme', 'accent', 'radius', 'font'])
    expect(Object.fromEntries([...params].slice(1))).toEqual({
      v: '1',
      origin: location.origin,
      display: 'modal',
      locale: 'fr',
      scheme: 'dark',
      accent: '#0a7',
      radius: '8px',
      font: 'Inter, sans-serif',
    })
    await openDialog()
    await close('Fermer')
  })

  it.each([
    'red;}body{display:none',
    'url(https://evil.example/x)',
    'expression(alert(1))',
    'rgb(1 2 3);background:url(https://evil.example/x)',
  ])('when the accent is hostile (%s) → nothing of it reaches a stylesheet, a style attribute or the hub’s URL', async (accent) => {
    const appearance = { colorScheme: 'dark', accent, radius: `3px;}body{display:none`, fontFamily: 'x;}body{display:none' } as const
    const { dialog } = await openWith({ appearance })
    await dialogNamed('Connect an account')
    await waitFor(() => expect(background(dialog)).toBe('rgb(24, 24, 27)'))
    await waitFor(() => expect(frames()).toHaveLength(1))
    const sheets = [...document.styleSheets, ...document.adoptedStyleSheets]
    const css = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n')
    const attributes = [...document.querySelectorAll('[style]')].map((element) => element.getAttribute('style')).join('\n')
    const url = decodeURIComponent(frames()[0]?.src ?? '')
    for (const text of [css, attributes, url]) {
      expect(text).not.toContain('evil.example')
      expect(text).not.toContain('display:none')
      expect(text).not.toContain('expression(')
    }
    expect(attributes).not.toContain('--_a')
    expect(new URL(frames()[0]?.src ?? '').searchParams.has('accent')).toBe(false)
    expect(getComputedStyle(document.body).display).toBe('block')
    await close()
  })
})

describe('given the dialog in either scheme', () => {
  /** axe's colour-contrast rule over the dialog, its violations one line each. */
  async function contrast(dialog: HTMLElement) {
    const { violations } = await axe.run(dialog, { runOnly: ['color-contrast'] })
    return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))
  }

  it.each(['light', 'dark'] as const)('when it is %s → axe finds no colour-contrast violation, loading or failed', async (colorScheme) => {
    const { dialog } = await openWith({ appearance: { colorScheme }, hubUrl: hubUrl('none', '&silent'), locale: 'fr' })
    await dialogNamed('Connecter un compte')
    await waitFor(() => expect(dialog.style.colorScheme).toBe(colorScheme))
    expect(await contrast(dialog)).toEqual([])
    await close('Fermer')
    cleanup()

    await openWith({ appearance: { colorScheme }, hubUrl: hubUrl('error'), locale: 'fr' })
    const failed = await dialogNamed('Connecter un compte')
    await within(failed).findByRole('button', { name: 'Réessayer' })
    await waitFor(() => expect(failed.querySelector('.rch-error-message')).not.toBeNull())
    expect(await contrast(failed)).toEqual([])
    await close('Fermer')
  })
})
