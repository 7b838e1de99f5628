/** @jsxImportSource preact */
// The console's one searchable list (the WAI-ARIA combobox pattern with a listbox): countries,
// topics, events, institutions and time zones are chosen by name, with the keyboard or a pointer,
// and a screen reader hears the list, the active option and each choice. Several choices show as
// chips, each removable by its own named button; a single choice is one chip that a new choice
// replaces. The keys and the filtering are plain functions (choice-logic.ts).
import { useRef, useState } from "preact/hooks";
import { t } from "../i18n/index.js";
import { type ChoiceOption, keyEffect, matching } from "./choice-logic.js";

/** How many matches the list shows at once; typing narrows the rest. */
const SHOWN = 60;

export function ChoiceField(props: {
  id: string;
  label: string;
  /** The options, undefined while they load, "failed" when they could not be read. */
  options: readonly ChoiceOption[] | "failed" | undefined;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  multiple?: boolean;
  error?: string;
  /** A sentence under the field (what to choose). */
  hint?: string;
}) {
  const { id, options, value, multiple = true } = props;
  const [query, setQuery] = useState("");
  const [list, setList] = useState({ open: false, active: -1 });
  const [said, setSaid] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const all = Array.isArray(options) ? options : [];
  const found = matching(all, query, multiple ? value : []);
  const shown = found.slice(0, SHOWN);
  const nameOf = (choice: string) => all.find((o) => o.id === choice)?.label ?? choice;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const open = list.open && shown.length > 0;

  const choose = (option: ChoiceOption) => {
    props.onChange(multiple ? [...value, option.id] : [option.id]);
    setQuery("");
    setList(multiple ? { open: true, active: -1 } : { open: false, active: -1 });
    setSaid(t("ui.choice.added", { name: option.label }));
  };
  const remove = (choice: string) => {
    props.onChange(value.filter((v) => v !== choice));
    setSaid(t("ui.choice.removed", { name: nameOf(choice) }));
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const effect = keyEffect(event.key, list, shown.length, { query, chosen: value.length });
    if (effect.handled) event.preventDefault();
    if (effect.do === "move" || effect.do === "close") setList(effect.state);
    else if (effect.do === "clear") setQuery("");
    else if (effect.do === "choose") {
      const option = shown[effect.index];
      if (option) choose(option);
    } else if (effect.do === "removeLast") {
      const last = value[value.length - 1];
      if (last !== undefined) remove(last);
    }
  };

  const hint =
    options === "failed"
      ? t("ui.choice.failed")
      : options === undefined
        ? t("ui.loading")
        : (props.hint ?? t(multiple ? "ui.choice.hintMany" : "ui.choice.hintOne"));
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div class={props.error ? "field choice invalid" : "field choice"}>
      <label id={`${id}-label`} for={id}>
        {props.label}
      </label>
      {value.length > 0 ? (
        <ul class="chips" aria-label={t("ui.choice.chosen", { label: props.label })}>
          {value.map((choice) => (
            <li key={choice}>
              <span>{nameOf(choice)}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t("ui.choice.remove", { name: nameOf(choice) })}
                onClick={() => remove(choice)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open ? "true" : "false"}
        aria-controls={listId}
        aria-activedescendant={open && list.active >= 0 ? optionId(list.active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={props.error ? "true" : undefined}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setList({ open: true, active: -1 });
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setList((l) => ({ ...l, open: true }))}
        onBlur={() => setList({ open: false, active: -1 })}
        onClick={() => setList((l) => ({ ...l, open: true }))}
      />
      <div id={listId} role="listbox" aria-labelledby={`${id}-label`} class="options" hidden={!open}>
        {shown.map((option, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys go to the input, which names the active option (aria-activedescendant)
          <div
            key={option.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === list.active ? "true" : "false"}
            class={i === list.active ? "active" : undefined}
            // Keeps the focus in the input, so the list stays open and the keys keep working.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
            {option.hint ? <span class="option-hint"> · {option.hint}</span> : null}
          </div>
        ))}
      </div>
      <span class="hint" id={`${id}-hint`}>
        {hint}
        {list.open && query && Array.isArray(options) && found.length === 0 ? ` ${t("ui.choice.none")}` : ""}
      </span>
      <span class="visually-hidden" aria-live="polite">
        {said}
      </span>
      {props.error ? (
        <span class="error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
