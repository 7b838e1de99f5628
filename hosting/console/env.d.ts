// Constants Vite writes into the bundle from functions/src/config.ts (see vite.config.ts).
declare const __SITE_ORIGIN__: string;
declare const __REGION__: string;
