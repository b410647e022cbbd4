import type { Field, Integration, Issue } from './api.ts'
import { h } from './dom.ts'
import { announce, authBadge, show, tile } from './screens.ts'
import { fieldHint, fieldLabel, words } from './words/index.ts'

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

type Control = HTMLInputElement | HTMLSelectElement

/** Where a form shows what is wrong: by each field, and above the buttons what no field can say. */
interface Errors {
  controls: Control[]
  byKey: Map<string, HTMLElement>
  form: HTMLElement
}

function fieldControl(field: Field, props: Record<string, string | boolean>, value: string | undefined): Control {
  if (field.type === 'select') {
    return h(
      'select',
      props,
      h('option', { value: '' }, words.choose),
      ...(field.options ?? []).map((option) => h('option', { value: option.value, selected: value === option.value }, option.label)),
    )
  }
  return h('input', {
    ...props,
    type: field.secret ? 'password' : 'text',
    inputmode: field.type === 'number' ? 'numeric' : undefined,
    autocomplete: field.secret ? 'new-password' : 'off',
    spellcheck: 'false',
    placeholder: field.placeholder,
    value: field.secret ? undefined : value,
  })
}

/** A field's label, control, hint and error; `kept`: a stored secret, which may be left blank to keep it. */
function fieldRow(field: Field, value: string | undefined, kept: boolean) {
  const id = `field-${field.key}`
  const hint = kept ? words.keptSecret : fieldHint(field.description)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = `${id}-error`
  const described = [hintId, errorId].filter(Boolean).join(' ')
  const control = fieldControl(field, { id, name: field.key, 'aria-describedby': described, required: field.required && !kept }, value)
  const error = h('p', { class: 'error', id: errorId, hidden: true })
  const row = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, fieldLabel(field.label), field.required && !kept ? h('span', { 'aria-hidden': 'true' }, ' *') : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
  )
  return { key: field.key, row, control, error }
}

/** Shows each issue by its field (the rest, or `fallback`, above the buttons) and focuses the first field in error. */
function placeIssues(errors: Errors, issues: Issue[], fallback: string): void {
  for (const [key, element] of errors.byKey) {
    const issue = issues.find((candidate) => candidate.path[0] === 'credentials' && candidate.path[1] === key)
    element.hidden = !issue
    element.textContent = issue?.message ?? ''
    document.getElementById(`field-${key}`)?.toggleAttribute('aria-invalid', Boolean(issue))
  }
  const unplaced = issues.length === 0 || issues.some((issue) => !errors.byKey.has(String(issue.path[1])))
  errors.form.hidden = !unplaced
  errors.form.textContent = unplaced ? fallback : ''
  const first = errors.controls.find((control) => control.hasAttribute('aria-invalid'))
  ;(first ?? errors.form).focus()
  announce(issues.length ? words.checkFields : fallback)
}

/** The API words its refusals in English: a field it names gets the page's own sentence for it. */
function inPageWords(issues: Issue[], fields: Field[]): Issue[] {
  return issues.map((issue) => {
    const field = issue.path[0] === 'credentials' ? fields.find((candidate) => candidate.key === issue.path[1]) : undefined
    return field ? { ...issue, message: words.invalid(fieldLabel(field.label), issue.message) } : issue
  })
}

function submitButton(mode: FormOptions['mode']) {
  const button = h('button', { type: 'submit', class: 'primary' }, mode === 'edit' ? words.save : words.connect)
  const busy = (on: boolean) => {
    button.disabled = on
    button.setAttribute('aria-busy', String(on))
    button.textContent = on ? (mode === 'edit' ? words.saving : words.connecting) : mode === 'edit' ? words.save : words.connect
  }
  return { button, busy }
}

/** The credentials form: its fields, checked for the required ones before `onSubmit` hears of them. */
export function showForm(options: FormOptions): void {
  const { integration, fields, mode } = options
  const kept = (field: Field) => mode === 'edit' && field.secret && options.storedSecrets.has(field.key)
  const rows = fields.map((field) => fieldRow(field, options.values[field.key], kept(field)))
  const errors: Errors = {
    controls: rows.map(({ control }) => control),
    byKey: new Map(rows.map(({ key, error }) => [key, error])),
    form: h('p', { class: 'error', id: 'form-error', hidden: true }),
  }
  const submit = submitButton(mode)
  const handle: FormHandle = { busy: submit.busy, issues: (issues, fallback) => placeIssues(errors, inPageWords(issues, fields), fallback) }
  const onsubmit = (event: Event) => {
    event.preventDefault()
    const values: Record<string, string> = {}
    for (const control of errors.controls) values[control.name] = control.value.trim()
    const missing = fields.filter((field) => field.required && values[field.key] === '' && !kept(field))
    if (missing.length) {
      const issues = missing.map((field) => ({ path: ['credentials', field.key], message: words.required(fieldLabel(field.label)) }))
      placeIssues(errors, issues, words.fillRequired)
      return
    }
    options.onSubmit(values, handle)
  }
  const back = options.onBack ? h('button', { type: 'button', class: 'ghost', onclick: options.onBack }, words.back) : null
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'form-title', onsubmit },
    ...rows.map(({ row }) => row),
    errors.form,
    h('div', { class: 'actions' }, back, submit.button),
  )
  errors.form.tabIndex = -1
  const title = h('h1', { id: 'form-title', tabindex: -1 }, tile(integration), words.formTitle[mode](integration.name))
  const kind = h('p', { class: 'auth-line' }, authBadge('credentials'), ` ${words.credentialsLine(integration.name)}`)
  show(
    mode === 'edit' ? 'edit' : 'form',
    [title, kind, options.guide ? h('p', { class: 'muted' }, options.guide) : null, form],
    errors.controls[0],
  )
}
