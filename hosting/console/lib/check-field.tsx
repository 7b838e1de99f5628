/** @jsxImportSource preact */
import type { ComponentChildren } from "preact";

/** A checkbox with its label after it, the way every yes/no choice of the console reads. */
export function CheckField(props: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <p class="check">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </p>
  );
}
