/** @jsxImportSource preact */
import { diffWords } from "diff";

/** A word-level difference between two texts: removed words struck through, added ones underlined. */
export function WordDiff(props: { before: string; after: string; label: string }) {
  return (
    <figure class="diff">
      <figcaption>{props.label}</figcaption>
      <p>
        {diffWords(props.before, props.after).map((part, index) =>
          part.added ? (
            <ins key={index}>{part.value}</ins>
          ) : part.removed ? (
            <del key={index}>{part.value}</del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
    </figure>
  );
}
