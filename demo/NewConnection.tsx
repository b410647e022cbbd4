import { providers } from 'virtual:connect-hub-dev'
import { useId, useState } from 'react'
import { CATEGORIES, type Category, ConnectButton, type ConnectSessionOptions } from 'react-connect-hub'
import type { HubReporter } from './App.tsx'
import { getToken } from './api.ts'
import { type HubSettings, hubProps } from './hub.ts'
import { CATEGORY_LABELS } from './labels.ts'

/** The session options of a new connection, picked on the page, and the Connect button that uses them. */
export function NewConnection({ hub, reporter }: { hub: HubSettings; reporter: HubReporter }) {
  const id = useId()
  const [categories, setCategories] = useState<Category[]>([])
  const [provider, setProvider] = useState('')
  const [test, setTest] = useState(false)
  const [label, setLabel] = useState('')
  const [expiresIn, setExpiresIn] = useState('')

  const offered = providers.filter((entry) => categories.length === 0 || entry.categories.some((c) => categories.includes(c as Category)))
  const chosen = offered.some((entry) => entry.key === provider) ? provider : ''

  const session: ConnectSessionOptions = {
    ...(categories.length > 0 ? { categories } : {}),
    ...(chosen ? { provider: chosen } : {}),
    ...(test ? { type: 'test' as const } : {}),
    ...(label.trim() ? { label: label.trim() } : {}),
    // Passed as typed: the launcher validates it and reports what is wrong.
    ...(expiresIn.trim() ? { expiresIn: Number(expiresIn) } : {}),
  }

  const toggle = (category: Category, on: boolean) =>
    setCategories((current) => (on ? [...current, category] : current.filter((c) => c !== category)))

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Connect a new account</h2>
      <p className="muted">Choose what the hub offers, then connect. Leave everything empty to browse the whole catalog.</p>
      <div className="form">
        <fieldset>
          <legend>Categories</legend>
          <div className="checks">
            {CATEGORIES.map((category) => (
              <label key={category} className="check">
                <input
                  type="checkbox"
                  name="category"
                  value={category}
                  checked={categories.includes(category)}
                  onChange={(event) => toggle(category, event.currentTarget.checked)}
                />
                {CATEGORY_LABELS[category]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-provider`}>Provider</label>
            <select id={`${id}-provider`} value={chosen} onChange={(event) => setProvider(event.currentTarget.value)}>
              <option value="">Any: show the catalog</option>
              {offered.map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {entry.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-label`}>Label</label>
            <input
              id={`${id}-label`}
              value={label}
              placeholder="e.g. UK payroll"
              onChange={(event) => setLabel(event.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-expires`}>Token lifetime (seconds)</label>
            <input
              id={`${id}-expires`}
              inputMode="numeric"
              value={expiresIn}
              placeholder="1800"
              aria-describedby={`${id}-expires-hint`}
              onChange={(event) => setExpiresIn(event.currentTarget.value)}
            />
            <span id={`${id}-expires-hint`} className="hint">
              A whole number; empty for the default.
            </span>
          </div>
        </div>
        <label className="switch">
          <input type="checkbox" checked={test} onChange={(event) => setTest(event.currentTarget.checked)} />
          Test mode <span className="muted">(connect a sandbox account)</span>
        </label>
        <div className="actions-row">
          <ConnectButton
            {...session}
            className="primary"
            {...hubProps(hub)}
            getToken={getToken}
            onClick={reporter.onClick}
            onEvent={reporter.onEvent}
            onError={reporter.onError}
            onSuccess={reporter.onSuccess}
          >
            Connect an account
          </ConnectButton>
        </div>
      </div>
    </section>
  )
}
