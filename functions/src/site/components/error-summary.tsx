/**
 * The list of a refused form's errors, before the form: announced at once (`role="alert"`), each
 * error also shown beside its field. `level` fits the heading into the page's outline.
 */
export function ErrorSummary(props: { title: string; errors: readonly { message: string }[]; level: 2 | 3 }) {
  if (props.errors.length === 0) return null;
  const Heading = props.level === 2 ? "h2" : "h3";
  return (
    <div role="alert" id="form-errors">
      <Heading>{props.title}</Heading>
      <ul>
        {props.errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}
