/** @jsxImportSource preact */
import type { ComponentChildren } from "preact";
import { t } from "../i18n/index.js";

/** The question asked before an action that changes someone's standing, with Confirm and Cancel. */
export function ConfirmBar(props: {
  question: ComponentChildren;
  questionId?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="confirm">
      <p id={props.questionId}>{props.question}</p>
      <p>
        <button type="button" disabled={props.busy} onClick={props.onConfirm}>
          {t("ui.admin.confirm")}
        </button>{" "}
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t("ui.admin.cancel")}
        </button>
      </p>
    </div>
  );
}
