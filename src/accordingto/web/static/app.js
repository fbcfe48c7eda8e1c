/* The Analyse page: send an article to /api/analyze (or load one from the
 * corpus with #article=<id>) and show its report.
 *
 * The article is drawn from report.text: the text is cut at every span
 * boundary (attribution source / cue / content, speaker mentions, hedges,
 * scare quotes, unattributed sentences) and each piece becomes a text node,
 * inside a <span class="seg"> when some span covers it. Article text never
 * goes through innerHTML, so "<script>" in an article is shown, not run.
 */
"use strict";

const ROLE_ORDER = { source: 0, cue: 1, content: 2 };
const ROLE_LABEL = { source: "source", cue: "cue", content: "content" };
const KIND_LABEL = { direct: "direct quote", indirect: "paraphrase (indirect)", mixed: "partly quoted (mixed)" };
const VIA_LABEL = {
  cue: "a reporting verb",
  according_to: "“according to”",
  colon: "a colon",
  block: "a block of quoted paragraphs",
  continuation: "a quote running on",
  headline: "a headline",
};

const state = {
  report: null,
  selectedSpeaker: null, // Speaker.id
  focusItems: [], // the article's keyboard stops, one per attribution, reading order
  focusIndex: 0,
};

const $ = (id) => document.getElementById(id);

// --- input ---------------------------------------------------------------------------------

/** Whether pasted input is an HTML page: it starts with a tag (or a doctype / comment). */
function looksLikeHtml(text) {
  const head = text.trimStart().slice(0, 2000);
  if (/^<(!doctype\s+html|html|head|body|\?xml|!--)/i.test(head)) return true;
  return /^<[a-z][a-z0-9-]*(\s[^>]*)?>/i.test(head) && /<\/[a-z][a-z0-9-]*\s*>/i.test(text);
}

function setBusy(busy, message) {
  $("analyse-button").disabled = busy;
  $("analyse-form").setAttribute("aria-busy", busy ? "true" : "false");
  $("status").textContent = message || "";
}

function showError(message) {
  const box = $("error");
  box.replaceChildren(el("strong", {}, "Not analysed: "), message);
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").replaceChildren();
}

async function submitAnalysis(event) {
  event.preventDefault();
  clearError();
  const fileInput = $("input-file");
  const published = $("input-published").value.trim();
  const fast = $("input-fast").checked;
  let options;
  let what;
  if (fileInput.files && fileInput.files.length) {
    const form = new FormData();
    form.append("file", fileInput.files[0]);
    if (published) form.append("published", published);
    if (fast) form.append("fast", "true");
    options = { method: "POST", body: form };
    what = fileInput.files[0].name;
  } else {
    const text = $("input-text").value;
    const format = $("input-format").value;
    const asHtml = format === "html" || (format === "auto" && looksLikeHtml(text));
    const body = asHtml ? { html: text } : { text };
    if (published) body.published = published;
    if (fast) body.fast = true;
    options = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    what = asHtml ? "the HTML page" : "the text";
  }
  setBusy(true, `Analysing ${what}…`);
  try {
    const report = await api("/api/analyze", options);
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    showReport(report, {});
    setBusy(false, `Done: ${plural(report.attributions.length, "attribution")}, ${plural(countVoices(report), "voice")}.`);
  } catch (err) {
    setBusy(false, "");
    showError(err.message || String(err));
  }
}

async function loadFromHash() {
  const match = /(?:^#|&)article=([^&]+)/.exec(location.hash);
  if (!match) return;
  const id = decodeURIComponent(match[1]);
  clearError();
  setBusy(true, "Loading the article from the corpus…");
  try {
    const item = await api("/api/articles/" + encodeURIComponent(id));
    showReport(item.report, item);
    setBusy(false, "Showing an article from the corpus.");
    $("article-title").focus();
  } catch (err) {
    setBusy(false, "");
    showError(err.message || String(err));
  }
}

function countVoices(report) {
  return report.profile ? report.profile.voices : report.speakers.filter((s) => s.attributions > 0).length;
}

// --- the report ----------------------------------------------------------------------------

function showReport(report, corpusItem) {
  state.report = report;
  state.selectedSpeaker = null;
  const meta = report.article || {};
  const title = corpusItem.title || meta.title || firstLine(report.text) || "Untitled article";
  $("article-title").textContent = title;
  $("article-title").setAttribute("tabindex", "-1");
  const bits = [];
  const outlet = corpusItem.outlet || meta.outlet || meta.site;
  if (outlet) bits.push(outlet);
  const published = corpusItem.published || meta.published;
  bits.push(published ? "published " + published : "no publication date");
  if (meta.author) bits.push("by " + meta.author);
  if (corpusItem.id) bits.push("corpus id " + corpusItem.id);
  const url = corpusItem.url || meta.url;
  if (url) bits.push(url);
  bits.push(`read as ${meta.format === "html" ? "an HTML page" : "plain text"}`);
  $("article-meta").textContent = bits.join(" · ");

  renderArticle(report);
  renderProfile(report);
  renderVoices(report);
  renderAttributionTable(report);
  renderRemoved(meta.removed || []);
  $("detail").replaceChildren(el("p", { class: "hint" }, "Click a marked passage (or press Enter on it) to see its attribution here."));
  $("selection-status").textContent = "";
  $("result").hidden = false;
}

function firstLine(text) {
  const line = (text || "").trim().split("\n")[0] || "";
  return line.length > 140 ? line.slice(0, 137) + "…" : line;
}

function speakerById(id) {
  if (id === null || id === undefined || !state.report) return null;
  return state.report.speakers.find((s) => s.id === id) || null;
}

/** Offsets → JavaScript string indices. The report counts characters as Python does (code
 * points); JavaScript strings count UTF-16 units, two for a character beyond U+FFFF (an emoji). */
function offsetMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return { length: text.length, at: (i) => i };
  }
  const units = [0];
  for (const ch of text) units.push(units[units.length - 1] + ch.length);
  return { length: units.length - 1, at: (i) => units[i] };
}

/** Every span to mark, as {start, end, kind, ...} (JavaScript indices), clamped to the text. */
function collectMarks(report) {
  const map = offsetMapper(report.text);
  const n = map.length;
  const marks = [];
  const add = (span, mark) => {
    const start = Math.max(0, Math.min(n, span.start));
    const end = Math.max(0, Math.min(n, span.end));
    if (end > start) marks.push(Object.assign({ start: map.at(start), end: map.at(end) }, mark));
  };
  for (const a of report.attributions) {
    for (const role of ["source", "cue", "content"]) {
      (a[role] || []).forEach((span, i) => add(span, { kind: "attr", role, attr: a, key: `a${a.id}-${role}-${i}` }));
    }
  }
  for (const speaker of report.speakers) {
    (speaker.mentions || []).forEach((m) => add(m, { kind: "mention", speaker }));
  }
  (report.hedges || []).forEach((h) => add(h, { kind: "hedge", hedge: h }));
  (report.unattributed || []).forEach((s) => add(s, { kind: "unattr" }));
  (report.scare_quotes || []).forEach((s) => add(s, { kind: "scare" }));
  return marks;
}

/** The attribution that a piece of text shows: a source or cue before a content; the innermost. */
function primaryOf(attrMarks) {
  let best = null;
  for (const m of attrMarks) {
    if (!best) { best = m; continue; }
    const rm = m.role === "content" ? 1 : 0;
    const rb = best.role === "content" ? 1 : 0;
    if (rm !== rb) { if (rm < rb) best = m; continue; }
    const dm = m.attr.depth || 0;
    const db = best.attr.depth || 0;
    if (dm !== db) { if (dm > db) best = m; continue; }
    const lm = m.end - m.start;
    const lb = best.end - best.start;
    if (lm !== lb) { if (lm < lb) best = m; continue; }
    if (ROLE_ORDER[m.role] < ROLE_ORDER[best.role]) best = m;
  }
  return best;
}

function renderArticle(report) {
  const text = report.text;
  const marks = collectMarks(report);
  const bounds = new Set([0, text.length]);
  for (const m of marks) { bounds.add(m.start); bounds.add(m.end); }
  const cuts = [...bounds].sort((x, y) => x - y);
  const index = new Map(cuts.map((c, i) => [c, i]));
  const covering = cuts.map(() => []);
  for (const m of marks) {
    for (let i = index.get(m.start); i < index.get(m.end); i++) covering[i].push(m);
  }

  const container = $("article-text");
  container.classList.remove("focus-mode");
  const fragment = document.createDocumentFragment();
  const firstSegOfAttr = new Map(); // attribution id -> {seg, pos}
  for (let i = 0; i < cuts.length - 1; i++) {
    const piece = text.slice(cuts[i], cuts[i + 1]);
    const marksHere = covering[i];
    if (!marksHere.length) { fragment.appendChild(document.createTextNode(piece)); continue; }
    const seg = document.createElement("span");
    seg.textContent = piece;
    const classes = ["seg"];
    const attrMarks = marksHere.filter((m) => m.kind === "attr");
    const speakers = new Set();
    if (attrMarks.length) {
      const primary = primaryOf(attrMarks);
      classes.push("r-" + primary.role, "k-" + primary.attr.kind);
      if (primary.role === "cue" && primary.attr.stance === "loaded") {
        classes.push("loaded");
        if (primary.end === cuts[i + 1]) classes.push("loaded-end");
      }
      if (attrMarks.some((m) => m.attr.depth > 0)) classes.push("nested");
      seg.dataset.primary = String(primary.attr.id);
      seg.dataset.role = primary.role;
      seg.dataset.attrs = [...new Set(attrMarks.map((m) => m.attr.id))].join(" ");
      seg.dataset.keys = attrMarks.map((m) => m.key).join(" ");
      for (const m of attrMarks) {
        if (m.attr.speaker_id !== null && m.attr.speaker_id !== undefined) speakers.add(m.attr.speaker_id);
        const first = firstSegOfAttr.get(m.attr.id);
        if (!first) firstSegOfAttr.set(m.attr.id, seg);
      }
      seg.tabIndex = -1;
    }
    for (const m of marksHere) {
      if (m.kind === "mention") { speakers.add(m.speaker.id); classes.push("mention"); }
      if (m.kind === "hedge") {
        classes.push("hedge");
        if (m.end === cuts[i + 1]) classes.push("hedge-end");
        seg.dataset.hedge = m.hedge.attributed ? "attributed" : "unattributed";
      }
      if (m.kind === "unattr") classes.push("unattr");
      if (m.kind === "scare") classes.push("scare");
    }
    if (speakers.size) seg.dataset.speakers = [...speakers].join(" ");
    seg.className = [...new Set(classes)].join(" ");
    fragment.appendChild(seg);
  }
  container.replaceChildren(fragment);
  container.setAttribute(
    "aria-label",
    `The article, ${plural(report.attributions.length, "attribution")} marked`,
  );

  // Keyboard stops: one per attribution, at its first piece of text, in reading order.
  const stops = [];
  const used = new Set();
  for (const a of report.attributions) {
    let seg = firstSegOfAttr.get(a.id);
    if (!seg) continue;
    while (seg && used.has(seg)) {
      seg = seg.nextElementSibling && seg.nextElementSibling.dataset.attrs &&
        seg.nextElementSibling.dataset.attrs.split(" ").includes(String(a.id)) ? seg.nextElementSibling : null;
    }
    if (!seg) continue;
    used.add(seg);
    seg.dataset.focusAttr = String(a.id);
    stops.push(seg);
  }
  stops.sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const seg of stops) {
    const a = report.attributions.find((x) => String(x.id) === seg.dataset.focusAttr);
    seg.setAttribute("role", "button");
    seg.setAttribute("aria-label", `${ROLE_LABEL[seg.dataset.role] || "passage"} “${seg.textContent}”: ${describeShort(a)}`);
  }
  state.focusItems = stops;
  state.focusIndex = 0;
  stops.forEach((s, i) => (s.tabIndex = i === 0 ? 0 : -1));
}

function describeShort(a) {
  const who = a.speaker || "unnamed source";
  const sp = speakerById(a.speaker_id);
  return `${who}${sp ? " (" + sp.type + ")" : ""}, ${KIND_LABEL[a.kind] || a.kind}`;
}

// --- tooltip and details -------------------------------------------------------------------

function attributionById(id) {
  return state.report.attributions.find((a) => a.id === Number(id));
}

function breadcrumb(a) {
  const chain = a.chain && a.chain.length ? a.chain : [{ attribution_id: a.id, speaker: a.speaker }];
  const list = el("ol", { class: "breadcrumb", "aria-label": "Who reports whom, outermost first" });
  list.appendChild(el("li", {}, "article"));
  for (const link of chain) list.appendChild(el("li", {}, link.speaker || "unnamed source"));
  return list;
}

function speakerLine(a) {
  const sp = speakerById(a.speaker_id);
  const name = el("strong", { class: "tt-name" }, a.speaker || "Unnamed source");
  const bits = [];
  if (sp) {
    bits.push(sp.type);
    if (sp.role) bits.push(sp.role);
    if (sp.affiliation) bits.push(sp.affiliation);
  } else {
    bits.push("speaker not resolved");
  }
  return el("p", { class: "tt-who" }, name, " ", el("span", { class: "tt-type" }, bits.join(" · ")));
}

function attributionFacts(a, role) {
  const facts = [];
  if (role) facts.push(`This is the ${ROLE_LABEL[role]} of a ${KIND_LABEL[a.kind] || a.kind}`);
  else facts.push(KIND_LABEL[a.kind] || a.kind);
  facts.push(`found by ${VIA_LABEL[a.via] || a.via}`);
  const extra = [];
  if (a.stance === "loaded") extra.push("loaded cue");
  if (a.secondhand) extra.push("secondhand");
  if (a.depth > 0) extra.push("nested " + a.depth + " deep");
  if (a.quoted_words) extra.push(plural(a.quoted_words, "word") + " quoted");
  return el("p", { class: "tt-facts" }, facts.join(", ") + "." + (extra.length ? " " + extra.join(" · ") + "." : ""));
}

function tooltipContent(seg) {
  const parts = [];
  const attrId = seg.dataset.focusAttr !== undefined && document.activeElement === seg ? seg.dataset.focusAttr : seg.dataset.primary;
  if (attrId !== undefined) {
    const a = attributionById(attrId);
    const role = roleOf(seg, a);
    parts.push(speakerLine(a), attributionFacts(a, role));
    if ((a.chain || []).length > 1) parts.push(el("p", { class: "tt-label" }, "Reported through:"), breadcrumb(a));
  }
  if (seg.classList.contains("hedge")) {
    parts.push(el("p", { class: "tt-flag" }, seg.dataset.hedge === "attributed"
      ? "Hedge: the claim is hedged, inside an attribution."
      : "Hedge: the claim is hedged, with no named source."));
  }
  if (seg.classList.contains("unattr")) parts.push(el("p", { class: "tt-flag" }, "Asserted by the article with no source."));
  if (seg.classList.contains("scare")) parts.push(el("p", { class: "tt-flag" }, "Scare quote: quoted words with no speaker."));
  if (!parts.length && seg.dataset.speakers) {
    for (const id of seg.dataset.speakers.split(" ")) {
      const sp = speakerById(Number(id));
      if (sp) parts.push(el("p", { class: "tt-who" }, el("strong", { class: "tt-name" }, sp.name), " ", el("span", { class: "tt-type" }, sp.type), " (mentioned)"));
    }
  }
  return parts;
}

function roleOf(seg, a) {
  for (const key of (seg.dataset.keys || "").split(" ")) {
    const m = /^a(\d+)-(source|cue|content)-/.exec(key);
    if (m && Number(m[1]) === a.id) return m[2];
  }
  return null;
}

let tooltipFor = null;

function showTooltip(seg) {
  const parts = tooltipContent(seg);
  const tip = $("tooltip");
  if (!parts.length) { hideTooltip(); return; }
  tip.replaceChildren(...parts);
  tip.hidden = false;
  tooltipFor = seg;
  seg.setAttribute("aria-describedby", "tooltip");
  const rects = seg.getClientRects();
  const rect = rects.length ? rects[0] : seg.getBoundingClientRect();
  const width = tip.offsetWidth;
  const maxLeft = document.documentElement.clientWidth - width - 8;
  const left = Math.max(8, Math.min(rect.left, maxLeft));
  tip.style.left = left + window.scrollX + "px";
  tip.style.top = rect.bottom + window.scrollY + 6 + "px";
  highlightLinked(seg);
}

function hideTooltip() {
  const tip = $("tooltip");
  tip.hidden = true;
  if (tooltipFor) tooltipFor.removeAttribute("aria-describedby");
  tooltipFor = null;
  highlightLinked(null);
}

/** Outline every piece of the attribution under the pointer / focus: source, cue and content together. */
function highlightLinked(seg) {
  for (const node of document.querySelectorAll("#article-text .linked")) node.classList.remove("linked");
  if (!seg) return;
  const id = document.activeElement === seg && seg.dataset.focusAttr !== undefined ? seg.dataset.focusAttr : seg.dataset.primary;
  if (id === undefined) return;
  for (const node of document.querySelectorAll(`#article-text .seg[data-attrs~="${id}"]`)) node.classList.add("linked");
}

function showDetail(seg) {
  const id = seg.dataset.focusAttr !== undefined ? seg.dataset.focusAttr : seg.dataset.primary;
  if (id === undefined) return;
  const a = attributionById(id);
  const rows = [];
  for (const role of ["source", "cue", "content"]) {
    const spans = a[role] || [];
    rows.push(el("dt", {}, role), el("dd", {}, spans.length ? spans.map((s) => s.text).join(" … ") : "—"));
  }
  $("detail").replaceChildren(
    speakerLine(a),
    attributionFacts(a, null),
    el("p", { class: "tt-label" }, "Reported through:"),
    breadcrumb(a),
    el("dl", { class: "detail-spans" }, rows),
  );
}

// --- profile and voices --------------------------------------------------------------------

function renderProfile(report) {
  const p = report.profile;
  const dl = $("profile");
  dl.replaceChildren();
  if (!p) { dl.appendChild(el("dd", {}, "No profile in this report.")); return; }
  const rows = [
    ["Voices", p.voices],
    ["Attributions", p.attributions],
    ["Words quoted", p.quoted_words],
    ["Secondhand", percent(p.secondhand_share)],
    ["Anonymous", percent(p.anonymous_share)],
    ["Sentences with no source", percent(p.unattributed_share)],
    ["Nested", p.nested],
    ["Hedged, no named source", p.hedged],
    ["Loaded cues", p.loaded_cues],
  ];
  const g = p.by_gender || {};
  const people = ["woman", "man", "unknown"].reduce((n, k) => n + (g[k] ? g[k].voices : 0), 0);
  if (people) {
    for (const [k, name] of [["woman", "Women"], ["man", "Men"], ["unknown", "Gender unknown"]]) {
      const c = g[k] || { voices: 0, attributions: 0, quoted_words: 0 };
      rows.push([`${name} (person voices)`, `${c.voices} · ${plural(c.attributions, "attribution")} · ${plural(c.quoted_words, "word")}`]);
    }
  }
  for (const [label, value] of rows) dl.append(el("div", {}, el("dt", {}, label), el("dd", {}, String(value))));

  const shares = Object.entries(p.share_by_type || {}).sort((x, y) => y[1] - x[1]);
  const box = $("type-shares");
  box.replaceChildren();
  if (shares.length) {
    box.append(el("h3", {}, "Attributions by source type"));
    const list = el("ul", { class: "bars" });
    for (const [type, share] of shares) {
      const bar = el("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = Math.max(2, share * 100) + "%";
      list.append(el("li", {}, el("span", { class: "bar-label" }, `${type} ${percent(share)}`), el("span", { class: "bar-track" }, bar)));
    }
    box.append(list);
  }
}

function renderVoices(report) {
  const list = $("voices");
  list.replaceChildren();
  const speakers = [...report.speakers].sort(
    (x, y) => y.attributions - x.attributions || y.quoted_words - x.quoted_words || x.name.localeCompare(y.name),
  );
  for (const sp of speakers) {
    const counts = [plural(sp.attributions, "attribution"), plural(sp.quoted_words, "word") + " quoted", plural((sp.mentions || []).length, "mention")];
    const button = el(
      "button",
      { type: "button", class: "voice", "aria-pressed": "false", dataset: { speakerId: sp.id } },
      el("span", { class: "voice-name" }, sp.name),
      el("span", { class: "voice-type type-" + sp.type }, sp.type),
      sp.role ? el("span", { class: "voice-role" }, sp.role) : null,
      sp.gender ? genderBadge(sp) : null,
      el("span", { class: "voice-counts" }, counts.join(" · ")),
    );
    button.addEventListener("click", () => toggleSpeaker(sp.id));
    list.append(el("li", {}, button));
  }
  const unresolved = report.attributions.filter((a) => a.speaker_id === null || a.speaker_id === undefined).length;
  $("voices-note").textContent = unresolved ? `${plural(unresolved, "attribution")} with no resolved speaker.` : "";
}

/** "woman · text: she, Ms." / "man · first name: Sean" / "unknown": how the article refers to a person. */
function genderText(sp) {
  const ev = sp.gender_evidence;
  if (!ev || ev.kind === "none") return sp.gender;
  const words = [...new Set((ev.spans || []).map((s) => s.text))];
  const shown = words.slice(0, 3).join(", ") + (words.length > 3 ? ", …" : "");
  return `${sp.gender} · ${ev.kind}${shown ? ": " + shown : ""}`;
}

function genderBadge(sp) {
  const ev = sp.gender_evidence;
  const note = ev && ev.note ? ev.note : "";
  return el("span", { class: "voice-gender gender-" + sp.gender, title: note, dataset: { evidence: ev ? ev.kind : "none" } }, genderText(sp));
}

function toggleSpeaker(id) {
  state.selectedSpeaker = state.selectedSpeaker === id ? null : id;
  const container = $("article-text");
  for (const node of container.querySelectorAll(".sel")) node.classList.remove("sel");
  for (const button of document.querySelectorAll("#voices .voice")) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.speakerId) === state.selectedSpeaker));
  }
  if (state.selectedSpeaker === null) {
    container.classList.remove("focus-mode");
    $("selection-status").textContent = "Showing every voice.";
    return;
  }
  const sp = speakerById(id);
  const segs = container.querySelectorAll(`.seg[data-speakers~="${id}"]`);
  for (const node of segs) node.classList.add("sel");
  container.classList.add("focus-mode");
  const nAttr = state.report.attributions.filter((a) => a.speaker_id === id).length;
  $("selection-status").textContent =
    `Highlighting ${sp.name}: ${plural(nAttr, "attribution")}, ${plural((sp.mentions || []).length, "mention")}.`;
  const first = container.querySelector(".seg.sel");
  if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
}

function renderAttributionTable(report) {
  const body = $("attribution-table").tBodies[0];
  body.replaceChildren();
  for (const a of report.attributions) {
    const speaker = (a.chain || []).length > 1
      ? a.chain.map((c) => c.speaker || "unnamed").join(" → ")
      : a.speaker || "unnamed source";
    body.append(
      el(
        "tr",
        {},
        el("td", {}, String(a.id + 1)),
        el("td", {}, speaker),
        el("td", {}, (a.cue || []).map((s) => s.text).join(" … ") + (a.stance === "loaded" ? " (loaded)" : "")),
        el("td", {}, (a.content || []).map((s) => s.text).join(" … ")),
        el("td", {}, a.kind + (a.secondhand ? ", secondhand" : "")),
      ),
    );
  }
}

function renderRemoved(lines) {
  $("removed").hidden = !lines.length;
  $("removed-list").replaceChildren(...lines.map((line) => el("li", {}, line)));
}

// --- keyboard ------------------------------------------------------------------------------

function moveFocus(to) {
  const items = state.focusItems;
  if (!items.length) return;
  const i = Math.max(0, Math.min(items.length - 1, to));
  items[state.focusIndex].tabIndex = -1;
  state.focusIndex = i;
  items[i].tabIndex = 0;
  items[i].focus();
}

function onArticleKey(event) {
  const seg = event.target.closest && event.target.closest(".seg");
  if (!seg || !state.focusItems.length) return;
  const keys = {
    ArrowRight: state.focusIndex + 1,
    ArrowDown: state.focusIndex + 1,
    ArrowLeft: state.focusIndex - 1,
    ArrowUp: state.focusIndex - 1,
    Home: 0,
    End: state.focusItems.length - 1,
  };
  if (event.key in keys) {
    event.preventDefault();
    moveFocus(keys[event.key]);
  } else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    showDetail(seg);
  } else if (event.key === "Escape") {
    hideTooltip();
  }
}

// --- wiring --------------------------------------------------------------------------------

function init() {
  showVersion();
  $("analyse-form").addEventListener("submit", submitAnalysis);
  const fileInput = $("input-file");
  fileInput.addEventListener("change", () => {
    $("clear-file").hidden = !fileInput.files.length;
    $("status").textContent = fileInput.files.length ? `The file ${fileInput.files[0].name} will be analysed instead of the text.` : "";
  });
  $("clear-file").addEventListener("click", () => {
    fileInput.value = "";
    $("clear-file").hidden = true;
    $("status").textContent = "";
    fileInput.focus();
  });

  const article = $("article-text");
  article.addEventListener("mouseover", (event) => {
    const seg = event.target.closest(".seg");
    if (seg) {
      if (seg !== tooltipFor) showTooltip(seg);
    } else if (tooltipFor && document.activeElement !== tooltipFor) {
      hideTooltip();
    }
  });
  article.addEventListener("mouseleave", () => { if (!article.contains(document.activeElement)) hideTooltip(); });
  article.addEventListener("focusin", (event) => {
    const seg = event.target.closest(".seg");
    if (!seg) return;
    const i = state.focusItems.indexOf(seg);
    if (i >= 0 && i !== state.focusIndex) {
      state.focusItems[state.focusIndex].tabIndex = -1;
      state.focusIndex = i;
      seg.tabIndex = 0;
    }
    showTooltip(seg);
  });
  article.addEventListener("focusout", (event) => { if (!article.contains(event.relatedTarget)) hideTooltip(); });
  article.addEventListener("keydown", onArticleKey);
  article.addEventListener("click", (event) => {
    const seg = event.target.closest(".seg");
    if (seg && (seg.dataset.primary !== undefined)) showDetail(seg);
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideTooltip(); });
  window.addEventListener("hashchange", loadFromHash);
  window.addEventListener("resize", () => { if (tooltipFor) showTooltip(tooltipFor); });
  loadFromHash();
}

document.addEventListener("DOMContentLoaded", init);
