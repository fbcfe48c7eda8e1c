/* The Corpus page: findings tables and charts, speakers, articles (all from the store via the API).
 * The charts are the server's (matplotlib's SVG, the ones `accordingto findings --html` draws): none is drawn here. */
"use strict";

const $ = (id) => document.getElementById(id);
const PAGE = 20;
const SPEAKERS_PAGE = 10;
const SPEAKER_ARTICLES = 5;
const titles = new Map(); // article id -> title, as the article lists show them
const corpusState = { speakerOffset: 0, articleOffset: 0, articleTotal: 0 };

const DIMENSIONS = ["outlet", "year", "month", "week", "day"];

function showError(err) {
  const box = $("error");
  box.replaceChildren(el("strong", {}, "Error: "), err.message || String(err));
  box.hidden = false;
}

function formatCell(column, value) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") {
    if (column.endsWith("share")) return percent(value, 1);
    if (!Number.isInteger(value)) return value.toFixed(2);
    return value.toLocaleString("en");
  }
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

function label(column) {
  return column.replace(/_/g, " ");
}

/** Query parameters, leaving out the empty ones (the API refuses type="" and outlet=""). */
function query(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out.set(k, String(v));
  return out;
}

function articleLink(id) {
  return el("a", { href: "/#article=" + encodeURIComponent(id) }, titles.get(id) || id);
}

// --- charts ----------------------------------------------------------------------------------

/** One chart the server drew (GET /api/findings/charts: matplotlib's SVG, as `findings --html` has it)
 * as an accessible figure. The SVG is parsed as SVG, never as HTML, and anything that could run is dropped. */
function chartFigure(chart) {
  const parsed = new DOMParser().parseFromString(chart.svg, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg") return null; // a parser error: no chart rather than a broken one
  root.querySelectorAll("script, foreignObject").forEach((node) => node.remove());
  const drawing = document.importNode(root, true);
  for (const name of ["width", "height"]) drawing.removeAttribute(name); // the figure sizes it (viewBox kept)
  const id = "chart-" + chart.id;
  drawing.setAttribute("role", "img");
  drawing.setAttribute("aria-labelledby", id + "-title");
  const title = document.createElementNS(drawing.namespaceURI, "title");
  title.id = id + "-title";
  title.textContent = chart.title;
  drawing.prepend(title);
  return el("figure", { class: "chart", "aria-labelledby": id + "-caption" }, el("figcaption", { id: id + "-caption", class: "visually-hidden" }, chart.title), drawing); // the drawing shows its title
}

function renderCharts(data) {
  $("charts").replaceChildren(...data.charts.map(chartFigure).filter((figure) => figure !== null));
}

function renderTable(name, table) {
  const numeric = table.columns.map((_, i) => table.rows.some((r) => typeof r[i] === "number"));
  const head = el("tr", {}, table.columns.map((c, i) => el("th", { scope: "col", class: numeric[i] ? "num" : null }, label(c))));
  const body = table.rows.map((row) =>
    el("tr", {}, row.map((v, i) => el("td", { class: numeric[i] ? "num" : DIMENSIONS.includes(table.columns[i]) ? "key" : null }, formatCell(table.columns[i], v)))),
  );
  // the caption names the table for screen readers; the <summary> above shows the same title
  const caption = el("caption", { class: "visually-hidden" }, table.title);
  const t = el("table", { dataset: { table: name } }, caption, el("thead", {}, head), el("tbody", {}, body));
  if (!table.rows.length) t.append(el("tfoot", {}, el("tr", {}, el("td", { colspan: table.columns.length }, "no rows"))));
  return el("div", { class: "table-wrap" }, t);
}

async function loadFindings(event) {
  if (event) event.preventDefault();
  const by = [];
  if ($("by-outlet").checked) by.push("outlet");
  if ($("by-period").value) by.push($("by-period").value);
  $("corpus-status").textContent = "Computing the findings…";
  try {
    const params = new URLSearchParams({ by: by.join(","), top: "10" });
    const charts = api("/api/findings/charts?" + params); // drawn on the server: may come after the tables
    charts.catch(() => {}); // its error, if any, is shown once, below
    const data = await api("/api/findings?" + params);
    renderFindings(data);
    $("charts").replaceChildren();
    $("corpus-status").textContent = "Drawing the charts…";
    renderCharts(await charts);
    $("corpus-status").textContent = `Findings ${data.by.length ? "per " + data.by.join(" and ") : "for the whole corpus"}.`;
  } catch (err) {
    $("corpus-status").textContent = "";
    showError(err);
  }
}

function renderFindings(data) {
  const corpus = data.tables.corpus;
  const summary = $("corpus-summary");
  summary.replaceChildren();
  if (corpus && corpus.rows.length) {
    corpus.columns.forEach((c, i) => summary.append(el("div", {}, el("dt", {}, label(c)), el("dd", {}, formatCell(c, corpus.rows[0][i])))));
  }
  // Each table folds away; the measures per group are open, the long lists closed.
  $("findings-tables").replaceChildren(
    ...Object.entries(data.tables)
      .filter(([name]) => name !== "corpus")
      .map(([name, t]) => el(
        "details",
        { class: "findings-table", open: name === "overall" || /^by_[a-z]+$/.test(name) },
        el("summary", {}, `${t.title} (${plural(t.rows.length, "row")})`),
        renderTable(name, t),
      )),
  );
  const outlets = data.tables.by_outlet;
  if (outlets) {
    const select = $("article-outlet");
    const have = new Set([...select.options].map((o) => o.value));
    const i = outlets.columns.indexOf("outlet");
    for (const row of outlets.rows) {
      const name = row[i];
      if (name && name !== "(unknown)" && !have.has(name)) select.append(el("option", { value: name }, name));
    }
  }
}

// --- speakers --------------------------------------------------------------------------------

async function loadSpeakers(event, more) {
  if (event) event.preventDefault();
  if (!more) corpusState.speakerOffset = 0;
  const params = query({ q: $("speaker-q").value.trim(), type: $("speaker-type").value, limit: SPEAKERS_PAGE, offset: corpusState.speakerOffset });
  try {
    const data = await api("/api/speakers?" + params);
    const list = $("speakers");
    if (!more) list.replaceChildren();
    for (const s of data.items) {
      const ids = s.article_ids || [];
      list.append(
        el(
          "li",
          {},
          el("span", { class: "name" }, s.name),
          " ",
          el("span", { class: "voice-type" }, s.type || "unknown"),
          el("div", { class: "sub" }, [
            plural(s.articles, "article"), plural(s.attributions, "attribution"), plural(s.quoted_words || 0, "word") + " quoted",
          ].join(" · ") + ((s.outlets || []).length ? " · in " + s.outlets.join(", ") : "")),
          ids.length
            ? el("ul", { "aria-label": `Articles quoting ${s.name}` },
                ids.slice(0, SPEAKER_ARTICLES).map((id) => el("li", {}, articleLink(id))),
                s.articles > SPEAKER_ARTICLES ? el("li", { class: "sub" }, `and ${plural(s.articles - SPEAKER_ARTICLES, "more article")}`) : null)
            : null,
        ),
      );
    }
    corpusState.speakerOffset += data.items.length;
    $("speakers-count").textContent = `${plural(data.total, "speaker")}${data.total > corpusState.speakerOffset ? ", showing " + corpusState.speakerOffset : ""}.`;
    $("speakers-more").hidden = corpusState.speakerOffset >= data.total;
  } catch (err) {
    showError(err);
  }
}

// --- articles --------------------------------------------------------------------------------

async function loadArticles(event, offset) {
  if (event) event.preventDefault();
  corpusState.articleOffset = offset || 0;
  const params = query({ q: $("article-q").value.trim(), outlet: $("article-outlet").value, limit: PAGE, offset: corpusState.articleOffset });
  try {
    const data = await api("/api/articles?" + params);
    const body = $("articles").tBodies[0];
    body.replaceChildren();
    for (const a of data.items) {
      if (a.title) titles.set(a.id, a.title);
      body.append(
        el(
          "tr",
          {},
          el("td", {}, el("a", { href: "/#article=" + encodeURIComponent(a.id) }, a.title || a.id)),
          el("td", {}, a.outlet || "—"),
          el("td", {}, a.published || "—"),
          el("td", { class: "num" }, formatCell("n", a.attributions)),
          el("td", { class: "num" }, formatCell("n", a.voices)),
          el("td", { class: "num" }, formatCell("n", a.n_words)),
        ),
      );
    }
    corpusState.articleTotal = data.total;
    const first = data.items.length ? corpusState.articleOffset + 1 : 0;
    $("articles-count").textContent = `${plural(data.total, "article")}${data.items.length ? `, showing ${first}–${corpusState.articleOffset + data.items.length}` : ""}.`;
    $("articles-prev").disabled = corpusState.articleOffset <= 0;
    $("articles-next").disabled = corpusState.articleOffset + data.items.length >= data.total;
  } catch (err) {
    showError(err);
  }
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

async function init() {
  const info = await showVersion();
  if (!info) {
    $("corpus-status").textContent = "";
    showError(new Error("Could not read /api/info from the server."));
    return;
  }
  if (!info.store) {
    $("corpus-status").textContent = "";
    $("no-store").hidden = false;
    return;
  }
  $("corpus-content").hidden = false;
  $("corpus-status").textContent = info.articles === null || info.articles === undefined ? "" : `${plural(info.articles, "article")} in the store.`;
  $("findings-form").addEventListener("submit", loadFindings);
  $("speakers-form").addEventListener("submit", (e) => loadSpeakers(e, false));
  $("speaker-q").addEventListener("input", debounce(() => loadSpeakers(null, false), 250));
  $("speaker-type").addEventListener("change", () => loadSpeakers(null, false));
  $("speakers-more").addEventListener("click", () => loadSpeakers(null, true));
  $("articles-form").addEventListener("submit", (e) => loadArticles(e, 0));
  $("article-q").addEventListener("input", debounce(() => loadArticles(null, 0), 250));
  $("article-outlet").addEventListener("change", () => loadArticles(null, 0));
  $("articles-prev").addEventListener("click", () => loadArticles(null, Math.max(0, corpusState.articleOffset - PAGE)));
  $("articles-next").addEventListener("click", () => loadArticles(null, corpusState.articleOffset + PAGE));
  await loadArticles(null, 0); // first: the titles for the speakers' article links
  await Promise.all([loadFindings(null), loadSpeakers(null, false)]);
}

document.addEventListener("DOMContentLoaded", init);
