import type { PageContext } from "../context.js";
import { Layout } from "./layout.js";

/**
 * Pages whose URL carries a token (an email's link) say so to the browser: none of their links
 * or requests may send that URL on as a Referer. (The site-wide Referrer-Policy header still
 * sends our origin only to other sites; this also keeps the token from our own logs of the next
 * page.)
 */
export const NO_REFERRER = <meta name="referrer" content="no-referrer" />;

/**
 * The page behind a link in an email (confirm, unsubscribe, cancel, claim): it changes nothing
 * itself; its button POSTs, so a mail scanner that opens every link changes nothing either.
 */
export function ButtonPage(props: {
  ctx: PageContext;
  title: string;
  body: string;
  button: string;
  action: string;
  fields: Record<string, string>;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} noindex head={NO_REFERRER}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <form method="post" action={props.action}>
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{props.button}</button>
      </form>
    </Layout>
  );
}
