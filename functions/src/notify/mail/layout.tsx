import type { Lang } from "../../model/index.js";

/** A link as a reader sees it: what it says and where it goes. */
export interface MailLink {
  label: string;
  url: string;
}

/** Everything an email says, already in its recipient's language. */
export interface MailContent {
  lang: Lang;
  subject: string;
  /** The salutation of a message addressed to a person; a list's messages have none. */
  greeting?: string;
  paragraphs: string[];
  /** The one button of the message. */
  action?: MailLink;
  /** Small print under the rule: the time zone dates are in, who sends this and why. */
  notes: string[];
  /** The visible way off a mailing list, the same address as its List-Unsubscribe header. */
  unsubscribe?: MailLink;
}

/** The one HTML layout of every email; hono/jsx escapes every value. */
function MailLayout(props: MailContent) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{props.subject}</title>
      </head>
      <body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">
        {props.greeting !== undefined ? <p>{props.greeting}</p> : null}
        {props.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {props.action ? (
          <p>
            <a href={props.action.url}>{props.action.label}</a>
          </p>
        ) : null}
        <hr />
        {props.notes.map((n) => (
          <p style="font-size: 0.85em; color: #555">{n}</p>
        ))}
        {props.unsubscribe ? (
          <p style="font-size: 0.85em">
            <a href={props.unsubscribe.url}>{props.unsubscribe.label}</a>
          </p>
        ) : null}
      </body>
    </html>
  );
}

/** An email's HTML document. */
export function mailHtml(content: MailContent): string {
  return `<!doctype html>${(<MailLayout {...content} />).toString()}`;
}
