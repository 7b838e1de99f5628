import type { Hono } from "hono";
import type { SiteEnv } from "../http.js";

export function registerLibraryPages(_app: Hono<SiteEnv>): void {}
