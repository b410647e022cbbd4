import type { Field, Integration, Issue } from './api.ts'
import { h } from './dom.ts'
import { fieldHint, fieldLabel, words } from './words/index.ts'

const screen = () => document.getElementById('screen') as HTMLElement
const status = () => document.getElementById('status') as HTMLElement

/** Announces a short status to assistive technology. */
export function announce(text: string): void {
  status().textContent = text
}

/** Screens with a Cancel of their own (it cancels the provider window, not the hub): the header's is hidden meanwhile. */
const OWN_CANCEL = new Set(['oauth-waiting', 'oauth-blocked'])

/** Replaces the current screen; focus moves to `focus` (or the heading) so keyboard users land in the new content. */
export function show(state: string, content: (Node | null)[], focus?: HTMLElement): void {
  document.getElementById('hub')?.setAttribute('data-state', state)
  const cancel = document.getElementById('cancel')
  if (cancel && state !== 'refused') cancel.hidden = OWN_CANCEL.has(state)
  screen().replaceChildren(...content.filter((node): node is Node => node !== null))
  const target = focus ?? screen().querySelector<HTMLElement>('h1')
  target?.focus()
}

export const heading = (text: string) => h('h1', { tabindex: -1 }, text)

/** How a provider connects, as a small label: in the catalog and on its screen. */
export const authBadge = (auth: Integration['auth']) =>
  h(
    'span',
    { class: 'auth', 'data-auth': auth, title: auth === 'oauth2' ? words.oauthBadgeTitle : words.credentialsBadgeTitle },
    auth === 'oauth2' ? words.oauthBadge : words.credentialsBadge,
  )

/** A catalog category's name in the page's language. */
const categoryName = (category: string) => (words.categories as Record<string, string | undefined>)[category] ?? category

export function tile(integration: Pick<Integration, 'initials' | 'color'>) {
  const element = h('span', { class: 'tile', 'aria-hidden': 'true' }, integration.initials)
  element.style.setProperty('--tile', integration.color)
  return element
}

export function showMessage(state: string, title: string, text: string, action?: { label: string; onClick: () => void }): void {
  show(state, [
    heading(title),
    h('p', {}, text),
    action ? h('button', { type: 'button', class: 'primary', onclick: action.onClick }, action.label) : null,
  ])
  announce(title)
}

/** The search's placeholder: names from this session's catalog only, never a provider the session filtered out. */
function examples(integrations: Integration[]): string {
  const names = integrations.slice(0, 2).map((integration) => integration.name)
  return integrations.length > 2 ? `${names.join(words.listSeparator)}…` : names.join(words.listSeparator)
}

/** The header's breadcrumb and the document's title follow the session's mode. */
export function showMode(mode: 'create' | 'edit'): void {
  const crumb = document.getElementById('crumb')
  if (crumb) crumb.textContent = words.crumb[mode]
  document.title = words.modeTitle[mode]
}

export function showCatalog(integrations: Integration[], onPick: (integration: Integration) => void): void {
  const list = h('ul', { class: 'catalog', 'aria-label': words.integrations })
  const empty = h('p', { class: 'muted', hidden: true })
  const search = h('input', { id: 'search', type: 'search', autocomplete: 'off', placeholder: examples(integrations) })
  const render = () => {
    const query = search.value.trim().toLowerCase()
    const matching = integrations.filter(
      (integration) =>
        !query ||
        integration.name.toLowerCase().includes(query) ||
        integration.categories.some((category) => category.includes(query) || categoryName(category).toLowerCase().includes(query)),
    )
    list.replaceChildren(
      ...matching.map((integration) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'integration', 'data-provider': integration.provider, onclick: () => onPick(integration) },
            tile(integration),
            h('span', { class: 'name' }, integration.name),
            h('span', { class: 'categories' }, integration.categories.map(categoryName).join(' · ')),
            authBadge(integration.auth),
          ),
        ),
      ),
    )
    empty.hidden = matching.length > 0
    empty.textContent = words.noMatch(search.value.trim())
    announce(words.matches(matching.length))
  }
  search.addEventListener('input', render)
  show(
    'catalog',
    [heading(words.catalogTitle), h('div', { class: 'field' }, h('label', { for: 'search' }, words.searchLabel), search), list, empty],
    search,
  )
  render()
}

export interface FormOptions {
  integration: Integration
  fields: Field[]
  guide?: string
  mode: 'create' | 'edit'
  /** Non-secret values to prefill (edit mode). Secrets are never prefilled. */
  values: Record<string, string>
  /** Keys of secrets already stored (edit mode): they may be left blank. */
  storedSecrets: Set<string>
  onBack?: () => void
  onSubmit: (values: Record<string, string>, form: FormHandle) => void
}

export interface FormHandle {
  busy(on: boolean): void
  issues(issues: Issue[], fallback: string): void
}

export function showForm(options: FormOptions): void {
  const { integration, fields, mode } = options
  const controls: (HTMLInputElement | HTMLSelectElement)[] = []
  const errors = new Map<string, HTMLElement>()
  const formError = h('p', { class: 'error', id: 'form-error', hidden: true })

  const rows = fields.map((field) => {
    const id = `field-${field.key}`
    const kept = mode === 'edit' && field.secret && options.storedSecrets.has(field.key)
    const hint = kept ? words.keptSecret : fieldHint(field.description)
    const hintId = hint ? `${id}-hint` : undefined
    const errorId = `${id}-error`
    const described = [hintId, errorId].filter(Boolean).join(' ')
    const common = { id, name: field.key, 'aria-describedby': described, required: field.required && !kept }
    const control =
      field.type === 'select'
        ? h(
            'select',
            common,
            h('option', { value: '' }, words.choose),
            ...(field.options ?? []).map((option) =>
              h('option', { value: option.value, selected: options.values[field.key] === option.value }, option.label),
            ),
          )
        : h('input', {
            ...common,
            type: field.secret ? 'password' : 'text',
            inputmode: field.type === 'number' ? 'numeric' : undefined,
            autocomplete: field.secret ? 'new-password' : 'off',
            spellcheck: 'false',
            placeholder: field.placeholder,
            value: field.secret ? undefined : options.values[field.key],
          })
    controls.push(control)
    const error = h('p', { class: 'error', id: errorId, hidden: true })
    errors.set(field.key, error)
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, fieldLabel(field.label), field.required && !kept ? h('span', { 'aria-hidden': 'true' }, ' *') : null),
      control,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
      error,
    )
  })

  const submit = h('button', { type: 'submit', class: 'primary' }, mode === 'edit' ? words.save : words.connect)
  const handle: FormHandle & { place(issues: Issue[], fallback: string): void } = {
    busy(on) {
      submit.disabled = on
      submit.setAttribute('aria-busy', String(on))
      submit.textContent = on ? (mode === 'edit' ? words.saving : words.connecting) : mode === 'edit' ? words.save : words.connect
    },
    issues(issues, fallback) {
      // The API words its refusals in English: a field it names gets the page's own sentence for it.
      handle.place(
        issues.map((issue) => {
          const field = issue.path[0] === 'credentials' ? fields.find((candidate) => candidate.key === issue.path[1]) : undefined
          return field ? { ...issue, message: words.invalid(fieldLabel(field.label), issue.message) } : issue
        }),
        fallback,
      )
    },
    place(issues, fallback) {
      for (const [key, element] of errors) {
        const issue = issues.find((candidate) => candidate.path[0] === 'credentials' && candidate.path[1] === key)
        element.hidden = !issue
        element.textContent = issue?.message ?? ''
        document.getElementById(`field-${key}`)?.toggleAttribute('aria-invalid', Boolean(issue))
      }
      const unplaced = issues.length === 0 || issues.some((issue) => !errors.has(String(issue.path[1])))
      formError.hidden = !unplaced
      formError.textContent = unplaced ? fallback : ''
      const first = controls.find((control) => control.hasAttribute('aria-invalid'))
      ;(first ?? formError).focus()
      announce(issues.length ? words.checkFields : fallback)
    },
  }

  const form = h(
    'form',
    {
      novalidate: true,
      'aria-labelledby': 'form-title',
      onsubmit: (event: Event) => {
        event.preventDefault()
        const values: Record<string, string> = {}
        for (const control of controls) values[control.name] = control.value.trim()
        const missing = fields.filter(
          (field) =>
            field.required && values[field.key] === '' && !(mode === 'edit' && field.secret && options.storedSecrets.has(field.key)),
        )
        if (missing.length) {
          handle.place(
            missing.map((field) => ({ path: ['credentials', field.key], message: words.required(fieldLabel(field.label)) })),
            words.fillRequired,
          )
          return
        }
        options.onSubmit(values, handle)
      },
    },
    ...rows,
    formError,
    h(
      'div',
      { class: 'actions' },
      options.onBack ? h('button', { type: 'button', class: 'ghost', onclick: options.onBack }, words.back) : null,
      submit,
    ),
  )
  formError.tabIndex = -1
  const title = h('h1', { id: 'form-title', tabindex: -1 }, tile(integration), words.formTitle[mode](integration.name))
  const kind = h('p', { class: 'auth-line' }, authBadge('credentials'), ` ${words.credentialsLine(integration.name)}`)
  show(
    mode === 'edit' ? 'edit' : 'form',
    [title, kind, options.guide ? h('p', { class: 'muted' }, options.guide) : null, form],
    controls[0],
  )
}
