import type { Hono } from "hono";
import { NotFoundError, type SiteEnv, sendPage } from "../http.js";
import { AboutPage } from "./about-page.js";
import { CommitteePage } from "./committee-page.js";
import { CountryPage } from "./country-page.js";
import { HomePage } from "./home-page.js";
import { HostingPage } from "./hosting-page.js";
import { InitiativesPage } from "./initiatives-page.js";
import { MembersPage } from "./members-page.js";

/** Home, the network, members, countries, committee, initiatives and hosting. */
export function registerCorePages(app: Hono<SiteEnv>): void {
  app.get("/:lang/", (c) => sendPage(c, <HomePage ctx={c.var.ctx} />));
  app.get("/:lang/about", (c) => sendPage(c, <AboutPage ctx={c.var.ctx} />));
  app.get("/:lang/members", (c) => sendPage(c, <MembersPage ctx={c.var.ctx} />));
  app.get("/:lang/countries/:code", (c) => {
    const country = c.var.ctx.data.countries.get(c.req.param("code").toUpperCase());
    if (!country || c.req.param("code") !== country.id.toLowerCase()) throw new NotFoundError();
    return sendPage(c, <CountryPage ctx={c.var.ctx} country={country} />);
  });
  app.get("/:lang/committee", (c) => sendPage(c, <CommitteePage ctx={c.var.ctx} />));
  app.get("/:lang/initiatives", (c) => sendPage(c, <InitiativesPage ctx={c.var.ctx} />));
  app.get("/:lang/hosting", (c) => sendPage(c, <HostingPage ctx={c.var.ctx} />));
}
