import type { Hono } from "hono";
import type { SiteEnv } from "../http.js";

export function registerEventPages(_app: Hono<SiteEnv>): void {}
