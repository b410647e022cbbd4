import type { BrowserContext } from 'playwright-core'
import { HANG_MS } from '../../stories/support/limits.ts'

/** What a story's run ended with, as Storybook's preview tells its channel. */
export interface StoryOutcome {
  event: 'storyFinished' | 'storyErrored' | 'storyMissing' | 'storyThrewException'
  status?: 'success' | 'error' | 'warning'
  /** The play function's exception, if it threw. */
  playError?: { message?: string; stack?: string } | undefined
  /** Failed reports (the axe check's, say). */
  reporters?: { type: string; status: string; result?: unknown }[]
  detail?: unknown
}

type Name = string | { source: string; flags: string }

declare global {
  var __connectHubAct: (id: string, action: string, ...args: unknown[]) => Promise<void>
  var __storyOutcome: StoryOutcome | undefined
}

/**
 * Runs in every frame before its scripts. In the story's page: listens on Storybook's channel for the end of the
 * story (installed before the preview creates the channel, so no event is missed), and installs the hub driver the
 * play functions look for (stories/support/hubFrame.ts), whose actions Playwright performs inside the hub's
 * cross-origin iframe.
 */
function inPage() {
  let channel: { on(event: string, listener: (payload: unknown) => void): void } | undefined
  const end = (event: StoryOutcome['event']) => (payload: unknown) => {
    if (event === 'storyFinished') {
      const { status, reporters } = payload as Pick<StoryOutcome, 'status' | 'reporters'>
      globalThis.__storyOutcome = {
        ...globalThis.__storyOutcome,
        event,
        ...(status ? { status } : {}),
        ...(reporters ? { reporters } : {}),
      }
    } else if (!globalThis.__storyOutcome?.event) {
      globalThis.__storyOutcome = { event, detail: payload }
    }
  }
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: typeof channel) {
      channel = value
      value?.on('playFunctionThrewException', (error) => {
        globalThis.__storyOutcome = { ...(globalThis.__storyOutcome as StoryOutcome), playError: error as StoryOutcome['playError'] }
      })
      value?.on('storyFinished', end('storyFinished'))
      value?.on('storyErrored', end('storyErrored'))
      value?.on('storyMissing', end('storyMissing'))
      value?.on('storyThrewException', end('storyThrewException'))
    },
  })
  let frames = 0
  const name = (value: string | RegExp) => (value instanceof RegExp ? { source: value.source, flags: value.flags } : value)
  Object.assign(globalThis, {
    __connectHubFrame(iframe: HTMLIFrameElement) {
      iframe.dataset.hubDriver ||= String(++frames)
      const id = iframe.dataset.hubDriver
      const act = (action: string, ...args: unknown[]) => globalThis.__connectHubAct(id, action, ...args)
      return {
        click: (label: string | RegExp) => act('click', name(label)),
        fill: (label: string, value: string) => act('fill', label, value),
        select: (label: string, value: string) => act('select', label, value),
        waitForText: (text: string | RegExp, state: 'visible' | 'hidden' = 'visible') => act('waitForText', name(text), state),
      }
    },
  })
}

const pattern = (name: Name) => (typeof name === 'string' ? name : new RegExp(name.source, name.flags))

/** Installs the channel listener and the hub driver in every page of `context`. */
export async function installStoryDriver(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__connectHubAct', async ({ page }, id: string, action: string, ...args: unknown[]) => {
    const frame = page.frameLocator(`iframe[data-hub-driver="${id}"]`)
    const [first, second] = args as [Name, string]
    // As .storybook/vitest.setup.ts does under Vitest: Playwright's locators, inside the hub's frame.
    if (action === 'click') await frame.getByRole('button', { name: pattern(first), exact: typeof first === 'string' }).click()
    else if (action === 'fill') await frame.getByLabel(pattern(first)).fill(second)
    else if (action === 'select') await frame.getByLabel(pattern(first)).selectOption(second)
    else if (action === 'waitForText')
      await frame
        .getByText(pattern(first))
        .first()
        .waitFor({ state: second as 'visible' | 'hidden', timeout: HANG_MS })
    else throw new Error(`unknown hub action ${action}`)
  })
  await context.addInitScript(inPage)
}
