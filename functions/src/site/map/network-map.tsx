import { formatPartialDate } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { href, type PageContext } from "../context.js";
import { mapGeometry } from "./geometry.js";
import { foundingEvent, MARKS, type MapMarks, type Mark, type MarkStyle } from "./marks.js";

/**
 * Fills of the three styles, as presentation attributes: a stylesheet's url(#id) would be
 * resolved against the stylesheet, not the page. Each colour has at least 3:1 against the white
 * page and the white borders (WCAG 1.4.11), and the stripes and dots tell them apart without colour.
 */
const FILL: Record<MarkStyle, string> = {
  stripes: "url(#map-stripes)",
  dots: "url(#map-dots)",
  plain: "#4f6f8f",
};
const MUTED = "#e3e6ea";

function markLabel(ctx: PageContext, mark: Mark): string {
  if (mark !== "founding") return ctx.t(`map.mark.${mark}`);
  const event = foundingEvent(ctx.data);
  const place = event?.city ? pick(event.city, ctx.lang).text : "";
  const year = event?.start ? formatPartialDate(event.start.slice(0, 4), ctx.lang) : "";
  return ctx.t("map.mark.founding", { event: [place, year].filter(Boolean).join(", ") });
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true">
      <rect width="24" height="16" fill={fill} stroke="#4a4f57" stroke-width="1" />
    </svg>
  );
}

/**
 * The Americas with the network's countries as links to their pages, each named and marked in
 * the page's language, and a legend. Countries outside the network are drawn muted, hidden from
 * assistive technology and not linked; the page's lists remain the text alternative.
 */
export function NetworkMap({ ctx, marks: { marks, legend } }: { ctx: PageContext; marks: MapMarks }) {
  const { t } = ctx;
  const geometry = mapGeometry();
  const shown = new Set(marks.values());
  const muted = geometry.countries.filter((shape) => !(shape.id && ctx.data.countries.has(shape.id)));
  const linked = geometry.countries.flatMap((shape) => {
    const country = shape.id ? ctx.data.countries.get(shape.id) : undefined;
    return country ? [{ country, d: shape.d, mark: marks.get(country.id) ?? "network" }] : [];
  });
  return (
    <figure class="map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; "group" keeps its links reachable, where "img" would hide them */}
      <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="group" aria-label={t("map.label")}>
        <defs>
          <pattern id="map-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#0b3d6b" />
            <rect width="1.5" height="6" fill="#fff" />
          </pattern>
          <pattern id="map-dots" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#1f6fab" />
            <circle cx="2.5" cy="2.5" r="1" fill="#fff" />
          </pattern>
        </defs>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: plain shapes, nothing in this group is focusable */}
        <g fill={MUTED} aria-hidden="true">
          {muted.map((shape) => (
            <path d={shape.d} />
          ))}
        </g>
        {linked.map(({ country, d, mark }) => {
          const label = t("map.country", { country: pick(country.name, ctx.lang).text, mark: markLabel(ctx, mark) });
          return (
            <a
              href={href(ctx, `/countries/${country.id.toLowerCase()}`)}
              aria-label={label}
              aria-current={mark === "here" ? "page" : undefined}
              data-country={country.id}
              data-mark={mark}
            >
              <title>{label}</title>
              <path d={d} fill={FILL[MARKS[mark]]} />
            </a>
          );
        })}
      </svg>
      <figcaption>
        <span class="visually-hidden">{t("map.legend")}</span>
        <ul class="legend">
          {legend
            .filter((mark) => shown.has(mark))
            .map((mark) => (
              <li>
                <Swatch fill={FILL[MARKS[mark]]} />
                {markLabel(ctx, mark)}
              </li>
            ))}
          <li>
            <Swatch fill={MUTED} />
            {t("map.outside")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
