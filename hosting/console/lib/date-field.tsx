/** @jsxImportSource preact */
// A partial date picked at its precision with the browser's own date inputs, and the instant it
// names shown in the person's time zone; a time zone chosen by name from the searchable list.
import { useState } from "preact/hooks";
import type { Precision } from "../../../functions/src/calendar/partial-date.js";
import { timeZoneName } from "../../../functions/src/i18n/format.js";
import { formatTime, lang, t, type UiKey } from "../i18n/index.js";
import { ChoiceField } from "./choice-field.js";
import {
  DATE_PRECISIONS,
  type DatePrecision,
  inputTypeOf,
  instantOf,
  personZone,
  precisionOf,
  timeZoneOptions,
  withPrecision,
} from "./dates.js";

/**
 * A date known to the year, month, day or minute. The field's `id` is on the date input (on the
 * precision's select while there is no date), so an error's focus lands where the date is chosen.
 */
export function PartialDateField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The date's own zone: with it, a day or a time shows as an instant in the person's zone. */
  zone?: string;
  error?: string;
  /** Precisions offered (a publication time needs one to the minute). */
  precisions?: readonly (typeof DATE_PRECISIONS)[number][];
}) {
  const { id, value } = props;
  // The precision chosen before any date is typed: an empty value names none.
  const [wanted, setWanted] = useState<DatePrecision>("none");
  const precision = value === "" ? wanted : precisionOf(value);
  const errorId = `${id}-error`;
  const localId = `${id}-local`;
  const instant = props.zone ? instantOf(value, props.zone) : undefined;
  const described = [instant ? localId : "", props.error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const invalid = props.error ? ("true" as const) : undefined;
  const input = (p: Precision) => {
    const type = inputTypeOf(p);
    return (
      <input
        id={id}
        type={type}
        aria-label={props.label}
        aria-invalid={invalid}
        aria-describedby={described}
        {...(type === "number" ? { min: 1900, max: 2200, inputMode: "numeric" as const } : {})}
        value={value}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    );
  };
  return (
    <fieldset class={props.error ? "field date invalid" : "field date"}>
      <legend>{props.label}</legend>
      <div class="date-row">
        <select
          id={precision === "none" ? id : `${id}-precision`}
          aria-label={t("ui.date.precision", { label: props.label })}
          aria-invalid={precision === "none" ? invalid : undefined}
          aria-describedby={precision === "none" ? described : undefined}
          value={precision}
          onChange={(e) => {
            const next = e.currentTarget.value as DatePrecision;
            setWanted(next);
            props.onChange(withPrecision(value, next));
          }}
        >
          {(props.precisions ?? DATE_PRECISIONS).map((p) => (
            <option key={p} value={p}>
              {t(`ui.date.${p}` as UiKey)}
            </option>
          ))}
        </select>
        {precision === "none" ? null : input(precision)}
      </div>
      {instant ? (
        <span class="hint" id={localId}>
          {t("ui.date.yourTime", {
            zone: timeZoneName(personZone(), lang.value, instant),
            at: formatTime(instant.toISOString()),
          })}
        </span>
      ) : null}
      {props.error ? (
        <span class="error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** An IANA time zone, chosen by its name in the console's language ("hora de Chile"). */
export function TimeZoneField(props: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  label?: string;
}) {
  const offered = timeZoneOptions(lang.value);
  // A zone stored by another of its ids ("America/Buenos_Aires", an alias the list does not offer)
  // is still named, not shown by its code.
  const options =
    !props.value || offered.some((o) => o.id === props.value)
      ? offered
      : [{ id: props.value, label: timeZoneName(props.value, lang.value) }, ...offered];
  return (
    <ChoiceField
      id={props.id}
      label={props.label ?? t("ui.date.zone")}
      options={options}
      value={props.value ? [props.value] : []}
      onChange={(ids) => props.onChange(ids[ids.length - 1] ?? "")}
      multiple={false}
      hint={t("ui.date.zoneHint")}
      {...(props.error ? { error: props.error } : {})}
    />
  );
}
