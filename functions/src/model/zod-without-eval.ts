// The zod of the console's bundle (hosting/console/vite.config.ts sends the models' "zod" here).
// zod compiles a faster parser for each object schema with Function() where the page allows it,
// and probes for that with Function("") as each schema is built. The console's
// Content-Security-Policy allows no eval, so the probe is refused and reported as a violation,
// though zod catches it. Set here, before any schema is built (every model module imports zod,
// so this module runs first), jitless makes zod parse without eval. The functions keep the
// compiled parsers: they import zod itself.
import { config } from "zod";

config({ jitless: true });

export * from "zod";
