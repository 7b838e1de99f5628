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

/** A link a notice offers to go on: back to the form, to the event, to one's registration. */
export interface NoticeLink {
  label: string;
  href: string;
}

/**
 * A page with one message: the answer to a request, a refused or spent link, a limit reached.
 * It may sit behind an email's link, so it sends no referrer either.
 */
export function NoticePage(props: { ctx: PageContext; title: string; body: string | string[]; links?: NoticeLink[] }) {
  const { ctx } = props;
  const paragraphs = typeof props.body === "string" ? [props.body] : props.body;
  return (
    <Layout ctx={ctx} title={props.title} noindex head={NO_REFERRER}>
      <h1>{props.title}</h1>
      {paragraphs.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {(props.links ?? []).map((link) => (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ))}
    </Layout>
  );
}
