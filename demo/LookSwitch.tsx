import { useId } from 'react'
import type { ColorScheme } from 'react-connect-hub'
import { type HubSettings, LANGUAGES, SCHEMES } from './hub.ts'

/** The language and colour scheme every button on the page asks for: the launcher's dialog and the hub follow both. */
export function LookSwitch({ value, onChange }: { value: HubSettings; onChange: (settings: HubSettings) => void }) {
  const id = useId()
  return (
    <div className="row look-switch">
      <div className="field">
        <label htmlFor={`${id}-locale`}>Language</label>
        <select
          id={`${id}-locale`}
          value={value.locale}
          onChange={(event) => onChange({ ...value, locale: event.currentTarget.value as HubSettings['locale'] })}
        >
          {Object.entries(LANGUAGES).map(([tag, name]) => (
            <option key={tag} value={tag} lang={tag}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-scheme`}>Colour scheme</label>
        <select
          id={`${id}-scheme`}
          value={value.colorScheme}
          onChange={(event) => onChange({ ...value, colorScheme: event.currentTarget.value as ColorScheme })}
        >
          {Object.entries(SCHEMES).map(([scheme, name]) => (
            <option key={scheme} value={scheme}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
