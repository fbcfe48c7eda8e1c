/* The Corpus page: findings tables and charts, speakers, articles (all from the store via the API).
 * The charts are small SVG bar charts drawn here: no chart library. */
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

let chartCount = 0;

/** A horizontal bar chart as an accessible SVG figure; ``texts`` (optional) replaces each bar's value text. */
function barChart(title, labels, values, format, texts) {
  const id = "chart-" + ++chartCount;
  const rowH = 24;
  const labelW = 150;
  const width = 480;
  const valueW = texts ? 120 : 56;
  const barMax = width - labelW - valueW;
  const height = Math.max(1, labels.length) * rowH + 8;
  const max = Math.max(...values.map((v) => v || 0), 0) || 1;
  const shown = (i) => (texts ? texts[i] : format(values[i]));
  const desc = labels.map((l, i) => `${l}: ${shown(i)}`).join("; ");
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`,
    preserveAspectRatio: "xMinYMin meet",
  });
  chart.append(svg("title", { id: `${id}-title` }, title), svg("desc", { id: `${id}-desc` }, desc));
  labels.forEach((name, i) => {
    const y = 4 + i * rowH;
    const value = values[i] || 0;
    const w = Math.max(value > 0 ? 2 : 0, (value / max) * barMax);
    const short = name.length > 22 ? name.slice(0, 21) + "…" : name;
    const row = svg("g", { class: "bar-row" });
    row.append(
      svg("title", {}, `${name}: ${shown(i)}`),
      svg("text", { x: labelW - 6, y: y + rowH / 2 + 4, "text-anchor": "end" }, short),
      svg("rect", { class: "bar-rect", x: labelW, y: y + 3, width: w.toFixed(1), height: rowH - 8, rx: 2 }),
      svg("text", { class: "value", x: labelW + w + 4, y: y + rowH / 2 + 4 }, shown(i)),
    );
    chart.append(row);
  });
  return el("figure", { class: "chart", "aria-labelledby": `${id}-caption` }, el("figcaption", { id: `${id}-caption` }, title), chart);
}

function chartsFor(data) {
  const charts = [];
  for (const dim of data.by) {
    const table = data.tables["by_" + dim];
    if (!table || !table.rows.length) continue;
    const col = (name) => table.columns.indexOf(name);
    const labels = table.rows.map((r) => String(r[col(dim)]));
    const per = `per ${dim}`;
    charts.push(barChart(`Attributions per article, ${per}`, labels, table.rows.map((r) => r[col("attributions_per_article")]), (v) => formatCell("x", v ?? 0)));
    charts.push(barChart(`Anonymous share of attributions, ${per}`, labels, table.rows.map((r) => r[col("anonymous_share")]), (v) => percent(v, 1)));
    charts.push(barChart(`Secondhand share of attributions, ${per}`, labels, table.rows.map((r) => r[col("secondhand_share")]), (v) => percent(v, 1)));
  }
  // gender: the women's share, the unknown share always beside it
  for (const dim of [...data.by, null]) {
    const table = data.tables[dim ? "gender_by_" + dim : "gender"];
    if (!table || !table.rows.length || (dim === null && data.by.length)) continue;
    const col = (name) => table.columns.indexOf(name);
    const labels = table.rows.map((r) => (dim ? String(r[col(dim)]) : "all articles"));
    const per = dim ? `, per ${dim}` : "";
    for (const [what, women, unknown] of [["quoted people", "women_share", "unknown_share"], ["quoted words", "women_words_share", "unknown_words_share"]]) {
      const values = table.rows.map((r) => r[col(women)]);
      const texts = table.rows.map((r) => `${percent(r[col(women)] ?? 0, 1)} · unknown ${percent(r[col(unknown)] ?? 0, 1)}`);
      charts.push(barChart(`Women's share of ${what} (person voices)${per}`, labels, values, (v) => percent(v ?? 0, 1), texts));
    }
  }
  const types = data.tables.source_types;
  if (types && types.rows.length) {
    const c = (name) => types.columns.indexOf(name);
    charts.push(barChart("Share of attributions by source type", types.rows.map((r) => String(r[c("speaker_type")])), types.rows.map((r) => r[c("share")]), (v) => percent(v, 1)));
  }
  return charts;
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
    const data = await api("/api/findings?" + new URLSearchParams({ by: by.join(","), top: "10" }));
    renderFindings(data);
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
  $("charts").replaceChildren(...chartsFor(data));
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
