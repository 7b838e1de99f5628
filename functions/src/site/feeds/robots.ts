/**
 * robots.txt: everything public may be crawled except /console/, which only redirects to the
 * console's own Hosting site (whose robots.txt disallows everything); the sitemap lists every page.
 * Cloud Functions answer /robots.txt themselves (404) before our code runs, so `npm run build`
 * also writes this text to hosting/public/robots.txt, which Hosting serves first.
 */
export function robotsTxt(origin: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /console/", "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
}
