// Runs in the test page for the Firefox and WebKit projects (the provider's init script). Vitest's locators find
// elements here, in the page; each action then names the element by a CSS selector that the provider resolves in
// the test frame and acts on with the engine's real input (as @vitest/browser-webdriverio does).
import {
  convertElementToCssSelector,
  ensureAwaited,
  getByAltTextSelector,
  getByLabelSelector,
  getByPlaceholderSelector,
  getByRoleSelector,
  getByTestIdSelector,
  getByTextSelector,
  getByTitleSelector,
  Locator,
  selectorEngine,
  triggerCommandWithTrace,
} from '@vitest/browser/locators'
import { page, server, type UserEventSelectOptions, utils } from 'vitest/browser'
import * as internal from 'vitest/internal/browser'

type Options = { timeout?: number; strict?: boolean } | undefined

class EngineLocator extends Locator {
  constructor(
    protected override _pwSelector: string,
    protected override _container?: Element,
  ) {
    super()
  }

  override get selector(): string {
    const selectors = this.elements().map((element) => convertElementToCssSelector(element))
    if (!selectors.length) throw utils.getElementError(this._pwSelector, this._container ?? document.body)
    return selectors.join(', ')
  }

  /** Waits for the one element this locator means, then acts on exactly that element. */
  private act(options: Options, action: (element: ResolvedLocator) => Promise<void>): Promise<void> {
    return ensureAwaited(async (error) => {
      const element = await this.findElement(options)
      await action(new ResolvedLocator(convertElementToCssSelector(element), error))
    })
  }

  override click(options?: Options) {
    return this.act(options, (element) => element.click())
  }
  override dblClick(options?: Options) {
    return this.act(options, (element) => element.dblClick())
  }
  override tripleClick(options?: Options) {
    return this.act(options, (element) => element.tripleClick())
  }
  override hover(options?: Options) {
    return this.act(options, (element) => element.hover())
  }
  override clear(options?: Options) {
    return this.act(options, (element) => element.clear())
  }
  override fill(text: string, options?: Options) {
    return this.act(options, (element) => element.fill(text))
  }

  override selectOptions(value: HTMLElement | HTMLElement[] | Locator | Locator[] | string | string[], options?: UserEventSelectOptions) {
    return ensureAwaited(async (error) => {
      const element = await this.findElement(options)
      await triggerCommandWithTrace<void>({
        name: '__vitest_selectOptions',
        arguments: [convertElementToCssSelector(element), optionIndexes(element, value), options],
        errorSource: error,
      })
    })
  }

  protected locator(selector: string) {
    return new EngineLocator(`${this._pwSelector} >> ${selector}`, this._container)
  }

  protected elementLocator(element: Element) {
    return new EngineLocator(selectorEngine.generateSelectorSimple(element), element)
  }
}

const RESOLVED: unique symbol = Symbol.for('$$vitest:locator-resolved') as never

/** One element, already found: its CSS selector is final. */
class ResolvedLocator extends Locator {
  readonly [RESOLVED] = true
  constructor(
    private readonly css: string,
    errorSource: Error | undefined,
  ) {
    super()
    if (errorSource) this._errorSource = errorSource
  }
  override get selector() {
    return this.css
  }
  protected locator(): Locator {
    throw new Error('react-connect-hub tests: a resolved locator has no children')
  }
  protected elementLocator(): Locator {
    throw new Error('react-connect-hub tests: a resolved locator has no children')
  }
}

/** The indexes, among the select's options, of the values (option values, labels, elements or locators). */
function optionIndexes(select: Element, value: HTMLElement | HTMLElement[] | Locator | Locator[] | string | string[]): number[] {
  const options = [...select.querySelectorAll('option')]
  return (Array.isArray(value) ? value : [value]).map((wanted) => {
    const index =
      typeof wanted === 'string'
        ? options.findIndex((option) => option.value === wanted || option.textContent?.trim() === wanted)
        : options.indexOf((wanted instanceof Element ? wanted : wanted.element()) as HTMLOptionElement)
    if (index === -1) throw new Error(`react-connect-hub tests: no option ${String(wanted)} in ${selectorEngine.previewNode(select)}`)
    return index
  })
}

page.extend({
  getByLabelText: (text, options) => new EngineLocator(getByLabelSelector(text, options)),
  getByRole: (role, options) => new EngineLocator(getByRoleSelector(role, options)),
  getByTestId: (testId) => new EngineLocator(getByTestIdSelector(server.config.browser.locators.testIdAttribute, testId)),
  getByAltText: (text, options) => new EngineLocator(getByAltTextSelector(text, options)),
  getByPlaceholder: (text, options) => new EngineLocator(getByPlaceholderSelector(text, options)),
  getByText: (text, options) => new EngineLocator(getByTextSelector(text, options)),
  getByTitle: (title, options) => new EngineLocator(getByTitleSelector(title, options)),
  elementLocator: (element: Element) => new EngineLocator(selectorEngine.generateSelectorSimple(element)),
})
;(internal as unknown as { __INTERNAL: { _createLocator: (selector: string) => Locator } }).__INTERNAL._createLocator = (selector) =>
  new EngineLocator(selector)
