import type { Hono } from "hono";
import { z } from "zod";
import { CountryCodeSchema } from "../../model/index.js";
import { NotFoundError, type SiteEnv, sendPage } from "../http.js";
import { NO_QUERY, params, query } from "../input.js";
import { AboutPage } from "./about-page.js";
import { CommitteePage } from "./committee-page.js";
import { CountryPage } from "./country-page.js";
import { HomePage } from "./home-page.js";
import { HostingPage } from "./hosting-page.js";
import { InitiativesPage } from "./initiatives-page.js";
import { MembersPage } from "./members-page.js";

/** Country pages are addressed by the lower-case code (/es/countries/cl): one URL per country. */
const CountryParams = z.object({
  code: z
    .string()
    .regex(/^[a-z]{2}$/)
    .transform((code) => code.toUpperCase())
    .pipe(CountryCodeSchema),
});

/** Home, the network, members, countries, committee, initiatives and hosting. */
export function registerCorePages(app: Hono<SiteEnv>): void {
  app.get("/:lang/", query(NO_QUERY), (c) => sendPage(c, <HomePage ctx={c.var.ctx} />));
  app.get("/:lang/about", query(NO_QUERY), (c) => sendPage(c, <AboutPage ctx={c.var.ctx} />));
  app.get("/:lang/members", query(NO_QUERY), (c) => sendPage(c, <MembersPage ctx={c.var.ctx} />));
  app.get("/:lang/countries/:code", params(CountryParams), query(NO_QUERY), (c) => {
    const country = c.var.ctx.data.countries.get(c.req.valid("param").code);
    if (!country) throw new NotFoundError();
    return sendPage(c, <CountryPage ctx={c.var.ctx} country={country} />);
  });
  app.get("/:lang/committee", query(NO_QUERY), (c) => sendPage(c, <CommitteePage ctx={c.var.ctx} />));
  app.get("/:lang/initiatives", query(NO_QUERY), (c) => sendPage(c, <InitiativesPage ctx={c.var.ctx} />));
  app.get("/:lang/hosting", query(NO_QUERY), (c) => sendPage(c, <HostingPage ctx={c.var.ctx} />));
}
