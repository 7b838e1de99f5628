import type { Hono } from "hono";
import type { SiteDeps } from "../app.js";
import type { SiteEnv } from "../http.js";

export function registerDiscoveryRoutes(_app: Hono<SiteEnv>, _deps: SiteDeps): void {}
