/** @jsxImportSource preact */
import { useEffect, useRef } from "preact/hooks";

/**
 * A modal question before an action that cannot simply be taken back: what it does, then one
 * button to go ahead and one to keep things as they are. The browser's own <dialog>, opened
 * modal: the rest of the page is inert, Escape closes it, and a screen reader reads its title
 * and what it does. The focus starts on the harmless answer and returns to `returnFocusTo`
 * (the button that opened it) however the dialog closes.
 */
export function ConfirmDialog(props: {
  id: string;
  title: string;
  lines: string[];
  confirm: string;
  keep: string;
  returnFocusTo: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    keep.current?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, []);
  const close = () => {
    props.onClose();
    requestAnimationFrame(() => document.getElementById(props.returnFocusTo)?.focus());
  };
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-what`}
      onClose={close}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div id={`${props.id}-what`}>
        {props.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <p>
        <button
          type="button"
          onClick={() => {
            props.onConfirm();
            dialog.current?.close();
          }}
        >
          {props.confirm}
        </button>{" "}
        <button type="button" class="secondary" ref={keep} onClick={() => dialog.current?.close()}>
          {props.keep}
        </button>
      </p>
    </dialog>
  );
}
