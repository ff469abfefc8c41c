// eventwire dashboard: hash routes over the /v1 API. Article text is untrusted: it only ever
// reaches the page as text nodes (never innerHTML).
"use strict";

const PAGE = 50;
let lastEventsHash = "#/events"; // where "Back to events" returns, filters included
const $ = (sel) => document.querySelector(sel);
const PLOT_CONFIG = { displaylogo: false, responsive: true };
const COLORS = { coop: "#2e7d4f", conflict: "#c0392b", index: "#1f3b57" };

// --- small helpers -----------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function showError(error) {
  const box = $("#error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function actorLabel(actor) {
  if (!actor) return "—";
  return [actor.code || "?", actor.sector].filter(Boolean).join(" ");
}

function eventLabel(ev) {
  return ev.event + (ev.mode ? " / " + ev.mode : "");
}

function hashParams() {
  const [, query = ""] = location.hash.split("?");
  return Object.fromEntries(new URLSearchParams(query));
}

function plot(div, traces, layout) {
  if (!window.Plotly) {
    div.replaceChildren(el("p", { class: "muted", text: "Charts need plotly: pip install plotly" }));
    return;
  }
  const base = { margin: { l: 50, r: 20, t: 20, b: 40 }, paper_bgcolor: "#fff",
    plot_bgcolor: "#fff", font: { family: "system-ui, sans-serif", size: 12 } };
  Plotly.react(div, traces, { ...base, ...layout }, PLOT_CONFIG);
}

// --- events table ------------------------------------------------------------------------
const FILTERS = ["actor", "recipient", "event", "date_from", "date_to", "q"];

async function showEvents() {
  lastEventsHash = location.hash || "#/events";
  const params = hashParams();
  const form = $("#filters");
  for (const name of FILTERS) form.elements[name].value = params[name] || "";
  const threshold = Number(params.min_confidence || 0);
  form.elements.min_confidence.value = threshold;
  const offset = Number(params.offset || 0);
  const chosen = pick(params, FILTERS);
  const page = await api("/v1/events", { ...chosen, limit: PAGE, offset,
    min_confidence: threshold > 0 ? threshold : null });
  const all = threshold > 0
    ? (await api("/v1/events", { ...chosen, limit: 1 })).total : page.total;
  showKept(threshold, page.total, all);
  const rows = page.items.map((ev) => {
    const row = el("tr", { "data-id": ev.id, tabindex: "0" },
      el("td", { class: "nowrap", text: ev.day || "" }),
      el("td", { class: "code", text: actorLabel(ev.actor) }),
      el("td", {}, el("span", { class: `tag q${ev.quad || 0}`, text: eventLabel(ev) }),
        ev.negated ? el("span", { class: "flag", text: "negated" }) : null),
      el("td", { class: "code", text: actorLabel(ev.recipient) }),
      el("td", { class: "evidence", text: ev.evidence.text, title: ev.sentence || "" }),
      el("td", { class: "num", text: (ev.confidence ?? 0).toFixed(2) }));
    const open = () => { location.hash = "#/event/" + encodeURIComponent(ev.id); };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    return row;
  });
  if (!rows.length) {
    rows.push(el("tr", {}, el("td", { colspan: "6", class: "empty",
      text: "No events match these filters." })));
  }
  $("#events-table tbody").replaceChildren(...rows);
  const last = Math.min(offset + PAGE, page.total);
  $("#events-summary").textContent = `${page.total} event${page.total === 1 ? "" : "s"}`;
  $("#page-info").textContent = page.total ? `${offset + 1}–${last} of ${page.total}` : "";
  $("#prev").disabled = offset === 0;
  $("#next").disabled = last >= page.total;
  const dyad = $("#events-dyad");
  dyad.hidden = !(params.actor && params.recipient);
  dyad.href = `#/dyad?actor=${enc(params.actor)}&recipient=${enc(params.recipient)}&by=month`;
}

// The confidence slider's label: what share of the filtered events the threshold keeps.
function showKept(threshold, kept, all) {
  const share = all ? Math.round((100 * kept) / all) : 100;
  const n = (value) => value.toLocaleString("en-US");
  $("#confidence-kept").textContent =
    `${threshold.toFixed(2)}: ${n(kept)} of ${n(all)} events kept (${share}%)`;
}

function pick(params, names) {
  return Object.fromEntries(names.filter((n) => params[n]).map((n) => [n, params[n]]));
}

const enc = (value) => encodeURIComponent(value || "");

function filtersToHash(offset = 0) {
  const form = $("#filters");
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    let value = form.elements[name].value.trim();
    if (name === "actor" || name === "recipient") value = value.toUpperCase();
    if (value) query.set(name, value);
  }
  const threshold = Number(form.elements.min_confidence.value);
  if (threshold > 0) query.set("min_confidence", threshold);
  if (offset) query.set("offset", offset);
  location.hash = "#/events" + (query.toString() ? "?" + query : "");
}

// --- event detail ------------------------------------------------------------------------
// An article URL comes from the input: only http(s) becomes a link (never javascript:, data:).
function webLink(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

async function showEvent(id) {
  $("#back").href = lastEventsHash;
  const ev = await api("/v1/events/" + encodeURIComponent(id));
  const article = await api("/v1/articles/" + encodeURIComponent(ev.article_id));
  $("#ev-headline").textContent =
    `${actorLabel(ev.actor)} → ${eventLabel(ev)} → ${actorLabel(ev.recipient)}`;
  $("#ev-article").replaceChildren(el("span", {},
    el("strong", { text: article.title || article.id }),
    ` · ${article.published || "undated"}` + (article.source ? ` · ${article.source}` : ""),
    webLink(article.url) ? el("a", { href: webLink(article.url), rel: "noopener noreferrer",
      target: "_blank", text: " · original" }) : null));
  $("#ev-text").replaceChildren(...highlighted(article.text, ev.evidence));
  const mark = $("#ev-text mark");
  if (mark) mark.scrollIntoView({ block: "center" });

  const facts = [
    ["Event", eventLabel(ev) + (ev.cameo ? ` (CAMEO ${ev.cameo})` : "")],
    ["Date", [ev.date || ev.day, ev.date_text ? `“${ev.date_text}”` : ""].join(" ").trim()],
    ["Location", ev.location ? [ev.location.name, ev.location.country].filter(Boolean)
      .join(", ") : "—"],
    ["Modality", ev.modality + (ev.negated ? " (negated)" : "")],
    ["Quad · intensity", `${ev.quad ?? "—"} · ${ev.intensity ?? "—"}`],
    ["Context", (ev.context || []).join(", ") || "—"],
    ["Rule", ev.rule || "—"],
    ["Confidence", (ev.confidence ?? 0).toFixed(2)],
    ["Evidence", ev.evidence.text],
  ];
  $("#ev-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: k }),
    el("dd", { text: v })]));
  const chain = [["Actor", ev.actor], ["Recipient", ev.recipient]].map(([role, a]) =>
    el("tr", {}, el("th", { text: role }), ...["code", "sector", "text", "name"].map((k) =>
      el("td", { text: (a && a[k]) || "—" }))));
  $("#ev-chain tbody").replaceChildren(...chain);
  const dyad = $("#ev-dyad");
  dyad.hidden = !(ev.actor.code && ev.recipient && ev.recipient.code);
  if (!dyad.hidden) {
    dyad.href = `#/dyad?actor=${enc(ev.actor.code)}&recipient=${enc(ev.recipient.code)}` +
      "&by=month";
  }
  const others = article.events.filter((o) => o.id !== ev.id).map((o) =>
    el("li", {}, el("a", { href: "#/event/" + encodeURIComponent(o.id),
      text: `${actorLabel(o.actor)} → ${eventLabel(o)} → ${actorLabel(o.recipient)}` })));
  $("#ev-others").replaceChildren(...(others.length ? others
    : [el("li", { class: "muted", text: "none" })]));
}

// The text with the evidence span in <mark>; offsets are trusted only if they match the words.
function highlighted(text, span) {
  let { start, end } = span;
  if (text.slice(start, end) !== span.text) {
    start = text.indexOf(span.text);
    end = start + span.text.length;
  }
  if (start < 0 || !span.text) return [text];
  return [text.slice(0, start), el("mark", { text: text.slice(start, end) }), text.slice(end)];
}

// --- dyad timeline -----------------------------------------------------------------------
async function showDyad() {
  const params = hashParams();
  const form = $("#dyad-form");
  form.elements.actor.value = params.actor || "";
  form.elements.recipient.value = params.recipient || "";
  form.elements.by.value = params.by || "month";
  const chart = $("#dyad-chart");
  if (!params.actor || !params.recipient) {
    $("#dyad-title").textContent = "Choose an actor and a recipient";
    chart.replaceChildren();
    $("#dyad-table tbody").replaceChildren();
    return;
  }
  const ts = await api(`/v1/dyads/${enc(params.actor)}/${enc(params.recipient)}/timeseries`,
    { by: form.elements.by.value });
  const total = ts.points.reduce((n, p) => n + p.total, 0);
  $("#dyad-title").textContent =
    `${ts.actor} → ${ts.recipient}: ${total} event${total === 1 ? "" : "s"} per ${ts.by}`;
  const x = ts.points.map((p) => p.period);
  const period = { xperiod: PERIODS[ts.by].xperiod, xperiod0: "2024-01-01",
    xperiodalignment: "middle" };
  const months = x.length ? monthsBetween(x[0], x[x.length - 1]) : 0;
  const dtick = ts.by === "month" ? "M" + Math.max(1, Math.ceil(months / 12))
    : ts.by === "year" ? "M12" : undefined;
  plot(chart, [
    { type: "bar", name: "cooperation", x, y: ts.points.map((p) => p.cooperation),
      marker: { color: COLORS.coop }, ...period },
    { type: "bar", name: "conflict", x, y: ts.points.map((p) => p.conflict),
      marker: { color: COLORS.conflict }, ...period },
    { type: "scatter", mode: "lines+markers", name: "index (sum of intensity)", x,
      y: ts.points.map((p) => p.index), line: { color: COLORS.index, width: 2 }, ...period },
  ], { barmode: "relative", bargap: 0.25, legend: { orientation: "h", y: 1.12 },
    yaxis: { title: { text: "intensity" }, zeroline: true, zerolinecolor: "#888" },
    xaxis: { type: "date", tickformat: PERIODS[ts.by].tickformat, dtick,
      ticklabelmode: "period" } });
  const rows = ts.points.map((p) => el("tr", {},
    el("td", { class: "nowrap", text: p.period }),
    el("td", { text: Object.entries(p.counts).map(([k, n]) => `${k} ${n}`).join(", ") }),
    el("td", { class: "num", text: p.total }),
    el("td", { class: "num", text: p.cooperation.toFixed(1) }),
    el("td", { class: "num", text: p.conflict.toFixed(1) }),
    el("td", { class: "num", text: p.index.toFixed(1) })));
  if (!rows.length) {
    rows.push(el("tr", {}, el("td", { colspan: "6", class: "empty",
      text: "No dated events for this dyad." })));
  }
  $("#dyad-table tbody").replaceChildren(...rows);
}

const DAY_MS = 86400000;
const PERIODS = {
  day: { xperiod: DAY_MS, tickformat: "%d %b %Y" },
  week: { xperiod: 7 * DAY_MS, tickformat: "%d %b %Y" },
  month: { xperiod: "M1", tickformat: "%b %Y" },
  year: { xperiod: "M12", tickformat: "%Y" },
};

function monthsBetween(first, last) {
  const [y0, m0] = first.split("-").map(Number);
  const [y1, m1] = last.split("-").map(Number);
  return (y1 - y0) * 12 + (m1 - m0) + 1;
}

// --- network -----------------------------------------------------------------------------
async function showNetwork() {
  const net = await api("/v1/network", { limit: 200 });
  const n = net.nodes.length;
  const pos = Object.fromEntries(net.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    return [node.id, [Math.cos(angle), Math.sin(angle)]];
  }));
  const edges = (positive) => {
    const x = [], y = [];
    for (const e of net.edges.filter((e) => (e.intensity >= 0) === positive)) {
      x.push(pos[e.source][0], pos[e.target][0], null);
      y.push(pos[e.source][1], pos[e.target][1], null);
    }
    return { type: "scatter", mode: "lines", x, y, hoverinfo: "skip",
      name: positive ? "cooperation" : "conflict",
      line: { color: positive ? COLORS.coop : COLORS.conflict, width: 1.5 }, opacity: 0.6 };
  };
  const arrows = net.edges.map((e) => ({ x: pos[e.target][0] * 0.93 + pos[e.source][0] * 0.07,
    y: pos[e.target][1] * 0.93 + pos[e.source][1] * 0.07, ax: pos[e.source][0],
    ay: pos[e.source][1], xref: "x", yref: "y", axref: "x", ayref: "y", text: "",
    showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: 1.2, standoff: 0,
    arrowcolor: e.intensity >= 0 ? COLORS.coop : COLORS.conflict, opacity: 0.7 }));
  const biggest = Math.max(1, ...net.nodes.map((node) => node.events));
  const nodes = { type: "scatter", mode: "markers+text", name: "actors",
    x: net.nodes.map((node) => pos[node.id][0]), y: net.nodes.map((node) => pos[node.id][1]),
    text: net.nodes.map((node) => node.id), textposition: "top center",
    customdata: net.nodes.map((node) => node.events),
    hovertemplate: "%{text}: %{customdata} events<extra></extra>",
    marker: { size: net.nodes.map((node) => 10 + 30 * Math.sqrt(node.events / biggest)),
      color: "#4a6fa5", line: { color: "#fff", width: 1 } } };
  const hidden = { visible: false, range: [-1.2, 1.2] };
  plot($("#network-chart"), [edges(true), edges(false), nodes], {
    showlegend: false, annotations: arrows, hovermode: "closest",
    xaxis: hidden, yaxis: { ...hidden, scaleanchor: "x" },
  });
}

// --- map ---------------------------------------------------------------------------------
// Country borders (Natural Earth, served by this server) shaded by events per country, with
// the places events happened as red dots. Longitude and latitude on plain axes: no map tiles.
const SHADES = ["#f1f3f5", "#fde0c5", "#f9b482", "#ee8050", "#d4502d", "#a8321c"];

function shadeClasses(counts) {
  const top = Math.max(1, ...Object.values(counts));
  const steps = SHADES.length - 1;
  // Upper bounds grow geometrically, so one busy country does not wash out the rest.
  const bounds = [...new Set(Array.from({ length: steps }, (_, i) =>
    Math.max(1, Math.round(top ** ((i + 1) / steps)))))];
  // The darkest shade only for the busiest countries: 1 event is pale when others have 50.
  const shade = (upper) => SHADES[top === 1 ? 3 : 1 + Math.round((steps - 1) *
    Math.log(upper) / Math.log(top))];
  return bounds.map((upper, i) => ({ lower: i ? bounds[i - 1] + 1 : 1, upper,
    color: shade(upper) }));
}

function outline(features) {
  const x = [], y = [];
  for (const f of features) {
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) { x.push(lon); y.push(lat); }
        x.push(null); y.push(null);
      }
    }
  }
  return { x, y };
}

async function showMap() {
  const [places, countries, borders] = await Promise.all([api("/v1/places"),
    api("/v1/countries"), api("/basemap.json")]);
  const counts = Object.fromEntries(countries.items.map((c) => [c.country, c.events]));
  const classes = shadeClasses(counts);
  const classOf = (id) => classes.findIndex((c) => (counts[id] || 0) <= c.upper &&
    (counts[id] || 0) >= c.lower);
  const border = { color: "#8795a3", width: 0.6 };
  const shaded = [{ feats: borders.features.filter((f) => !counts[f.id]),
    name: "no events", color: SHADES[0] }].concat(classes.map((c, i) => ({
    feats: borders.features.filter((f) => counts[f.id] && classOf(f.id) === i),
    name: c.lower === c.upper ? `${c.lower} event${c.lower === 1 ? "" : "s"}`
      : `${c.lower}–${c.upper} events`, color: c.color })));
  const fills = shaded.filter((s) => s.feats.length).map((s) => ({
    type: "scatter", mode: "lines", fill: "toself", fillcolor: s.color, line: border,
    name: s.name, hoverinfo: "skip", ...outline(s.feats) }));
  const busy = borders.features.filter((f) => counts[f.id]);
  const labels = { type: "scatter", mode: "markers", name: "countries", showlegend: false,
    x: busy.map((f) => f.properties.label[0]), y: busy.map((f) => f.properties.label[1]),
    text: busy.map((f) => f.properties.name), customdata: busy.map((f) => counts[f.id]),
    hovertemplate: "%{text}: %{customdata} events<extra></extra>",
    marker: { size: 14, opacity: 0 } };
  const items = places.items;
  const biggest = Math.max(1, ...items.map((p) => p.events));
  const dots = { type: "scatter", mode: "markers", name: "places", x: items.map((p) => p.lon),
    y: items.map((p) => p.lat), text: items.map((p) => `${p.name}, ${p.country || "?"}`),
    customdata: items.map((p) => p.events),
    hovertemplate: "%{text}: %{customdata} events<extra></extra>",
    marker: { size: items.map((p) => 7 + 18 * Math.sqrt(p.events / biggest)),
      color: "rgba(31,59,87,0.8)", line: { color: "#fff", width: 1 } } };
  const chart = $("#map-chart");
  chart.dataset.countries = busy.length;
  chart.dataset.places = items.length;
  plot(chart, [...fills, labels, dots], { showlegend: true, hovermode: "closest",
    legend: { orientation: "h", y: -0.08 }, plot_bgcolor: "#eaf2f8",
    xaxis: { range: [-180, 180], dtick: 30, zeroline: false, showgrid: false,
      title: { text: "longitude" } },
    yaxis: { range: [-58, 85], dtick: 30, zeroline: false, showgrid: false,
      title: { text: "latitude" }, scaleanchor: "x" } });
  $("#map-attribution").textContent = borders.attribution;
}

// --- routing -----------------------------------------------------------------------------
const VIEWS = ["events", "event", "dyad", "network", "map"];

async function route() {
  const path = location.hash.replace(/^#\/?/, "").split("?")[0] || "events";
  const [view, ...rest] = path.split("/");
  const name = VIEWS.includes(view) ? view : "events";
  for (const v of VIEWS) $("#view-" + v).hidden = v !== name;
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.classList.toggle("active", a.dataset.view === (name === "event" ? "events" : name));
  }
  showError(null);
  try {
    if (name === "events") await showEvents();
    else if (name === "event") await showEvent(decodeURIComponent(rest.join("/")));
    else if (name === "dyad") await showDyad();
    else if (name === "network") await showNetwork();
    else if (name === "map") await showMap();
    document.body.dataset.ready = name;
  } catch (error) {
    showError(error);
  }
}

async function init() {
  const spec = await api("/openapi.json");
  const param = spec.paths["/v1/events"].get.parameters.find((p) => p.name === "event");
  const options = (param.schema.anyOf || [param.schema]).flatMap((s) => s.enum || []);
  $("#filters").elements.event.append(...options.map((c) => el("option", { value: c, text: c })));
  showStats(await api("/v1/stats"));

  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); filtersToHash(); });
  $("#clear").addEventListener("click", () => { location.hash = "#/events"; });
  const slider = $("#filters").elements.min_confidence;
  slider.addEventListener("input", () => {  // while dragging: the number, counts on release
    $("#confidence-kept").textContent = `${Number(slider.value).toFixed(2)}: counting…`;
  });
  slider.addEventListener("change", () => filtersToHash());
  $("#prev").addEventListener("click", () =>
    filtersToHash(Math.max(0, Number(hashParams().offset || 0) - PAGE)));
  $("#next").addEventListener("click", () =>
    filtersToHash(Number(hashParams().offset || 0) + PAGE));
  $("#dyad-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = e.target.elements;
    location.hash = `#/dyad?actor=${enc(f.actor.value.trim().toUpperCase())}` +
      `&recipient=${enc(f.recipient.value.trim().toUpperCase())}&by=${enc(f.by.value)}`;
  });
  $("#dyad-swap").addEventListener("click", () => {
    const f = $("#dyad-form").elements;
    [f.actor.value, f.recipient.value] = [f.recipient.value, f.actor.value];
    $("#dyad-form").requestSubmit();
  });
  window.addEventListener("hashchange", route);
  await route();
  setTimeout(refresh, refreshMs());
}

// --- live header: the feed watcher's last poll; new events appear without a reload -------
let seen = null; // the last /v1/stats, to notice new events

function showStats(stats) {
  $("#stats").textContent = `${stats.events} events · ${stats.articles} articles` +
    (stats.first_day ? ` · ${stats.first_day} – ${stats.last_day}` : "");
  const live = $("#live");
  const w = stats.watch;
  live.hidden = !w;
  if (w) {
    const last = w.last;
    const text = !last ? "first poll under way"
      : `last poll ${last.at.slice(11, 19)} UTC · ${last.new_articles} new article` +
        `${last.new_articles === 1 ? "" : "s"} · ${last.errors} error` +
        `${last.errors === 1 ? "" : "s"}` + (w.polling_since && w.polls ? " · polling…" : "");
    live.textContent = text;
    live.title = last && last.problem ? last.problem : `${w.feeds}, every ${w.every_seconds}s`;
    live.classList.toggle("bad", Boolean(last && last.errors));
    document.body.dataset.polls = w.polls;
  }
  seen = stats;
}

function refreshMs() {
  return seen && seen.watch ? Math.min(5000, seen.watch.every_seconds * 1000) : 30000;
}

async function refresh() {
  try {
    const before = seen;
    const stats = await api("/v1/stats");
    showStats(stats);
    const onFirstPage = !document.querySelector("#view-events").hidden &&
      !Number(hashParams().offset || 0);
    if (before && stats.events !== before.events && onFirstPage) await showEvents();
  } catch (error) {
    // a server restart or a busy database: the header keeps the last figures, next try soon
  } finally {
    setTimeout(refresh, refreshMs());
  }
}

document.addEventListener("DOMContentLoaded", () => init().catch(showError));
