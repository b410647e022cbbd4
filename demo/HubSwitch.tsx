import { useId } from 'react'
import { HUB_LABELS, type HubChoice } from './hub.ts'

/** Which hub every button on the page opens: the same session, the same callbacks, another UI. */
export function HubSwitch({ value, onChange }: { value: HubChoice; onChange: (choice: HubChoice) => void }) {
  const id = useId()
  return (
    <fieldset className="hub-switch" aria-describedby={`${id}-hint`}>
      <legend>Hub</legend>
      {(Object.keys(HUB_LABELS) as HubChoice[]).map((choice) => (
        <label key={choice} className="check">
          <input type="radio" name={`${id}-hub`} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {HUB_LABELS[choice]}
        </label>
      ))}
      <span id={`${id}-hint`} className="hint">
        {value === 'stackone'
          ? "StackOne's @stackone/hub component, in the dialog, against the dev API's /hub endpoints."
          : 'The reference hub page, in an iframe from its own origin.'}
      </span>
    </fieldset>
  )
}
