/** @jsxImportSource preact */
// The committee console's entry point: connects Firebase, follows the session, renders the app.
import { render } from "preact";
import { App } from "./app.js";
import { connectFirebase } from "./firebase.js";
import { lang } from "./i18n/index.js";
import { watchSession } from "./session.js";
import { sayFailure } from "./ui.js";

document.documentElement.lang = lang.value;
render(<App />, document.getElementById("app") as HTMLElement);
connectFirebase().then(watchSession).catch(sayFailure);
