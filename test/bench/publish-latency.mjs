// Inside `firebase emulators:exec` (test/bench/freshness.mjs starts it, with the seed and the demo
// logins loaded): `node test/bench/publish-latency.mjs <runs> <out.json>`. Each run, a committee
// member of Peru drafts and submits a news item, a committee member of Chile publishes it, and
// the clock runs from the publish request until its page through the Hosting emulator answers
// 200 with the title: the callable, the audit and view triggers, the site instance's view check.
import { writeFileSync } from "node:fs";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { PROJECT_ID } from "../../scripts/emulators.mjs";
import { emulatorHosts } from "../../scripts/suite.mjs";

const [runs = "3", out] = process.argv.slice(2);
const hosts = emulatorHosts();
const REGION = "southamerica-east1";

async function idToken(key) {
  const account = DEMO_ACCOUNTS.find((a) => a.uid === `demo-${key}`);
  if (!account) throw new Error(`no demo account ${key}`);
  const response = await fetch(
    `http://${hosts.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: account.email, password: account.password, returnSecureToken: true }),
    },
  );
  if (!response.ok) throw new Error(`sign-in of ${account.email}: ${response.status}`);
  return (await response.json()).idToken;
}

async function call(token, name, data) {
  const response = await fetch(`http://${hosts.functions}/${PROJECT_ID}/${REGION}/committee-${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ data }),
  });
  const body = await response.json();
  if (!body.result) throw new Error(`committee-${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

const author = await idToken("committee-pe");
const publisher = await idToken("committee-cl");
const times = [];
for (let run = 0; run < Number(runs); run++) {
  const id = `bench-fresh-${process.pid}-${run}`;
  const title = `Publicado al instante ${process.pid}-${run}`;
  await call(author, "saveDraft", {
    id,
    document: {
      kind: "news",
      title: { es: title },
      summary: { es: "Medición de npm run bench." },
      body: { es: "Texto." },
      translations: { es: "original" },
      countries: ["PE"],
      topics: [],
      source: "test/bench/publish-latency.mjs",
    },
  });
  await call(author, "submit", { id, baseVersion: 1 });
  const started = performance.now();
  await call(publisher, "publish", { id, baseVersion: 2 });
  for (;;) {
    const response = await fetch(`http://${hosts.hosting}/es/documents/${id}`);
    const html = await response.text();
    if (response.status === 200 && html.includes(title)) break;
    if (performance.now() - started > 120_000) throw new Error(`${id} not visible after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  times.push(performance.now() - started);
}
writeFileSync(out, JSON.stringify({ times }));
process.exit(0);
