import type { ReactNode } from 'react'

/** A checkbox with its label around it, reporting the new state (the panels' on/off options). */
export function CheckboxField(props: {
  className: string
  testId: string
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
}) {
  return (
    <label className={props.className}>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.children}
    </label>
  )
}
