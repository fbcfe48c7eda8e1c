/* Helpers shared by the Analyse and Corpus pages.
 *
 * Everything that comes from an article or the server is put into the page as
 * text (textContent, text nodes, attribute values): never as HTML.
 */
"use strict";

/** An element: el("p", {class: "x", dataset: {id: 1}}, "text", childNode, ...). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The server's `detail` as one readable line (FastAPI gives a string, or a list for validation errors). */
function detailMessage(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        if (d && typeof d === "object") {
          const where = Array.isArray(d.loc) ? d.loc.filter((x) => x !== "body").join(".") : "";
          return (where ? where + ": " : "") + (d.msg || JSON.stringify(d));
        }
        return String(d);
      })
      .join("; ");
  }
  if (detail && typeof detail === "object") return detail.message || JSON.stringify(detail);
  return "";
}

/** fetch + JSON; throws ApiError with the server's `detail` message when the answer is not 2xx. */
async function api(path, options) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new ApiError("Could not reach the server (" + err.message + ").", 0);
  }
  const raw = await response.text();
  let body = null;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch (err) {
    body = null;
  }
  if (!response.ok) {
    const message = (body && detailMessage(body.detail)) || `${response.status} ${response.statusText}`.trim();
    throw new ApiError(message, response.status);
  }
  return body;
}

function percent(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return (value * 100).toFixed(digits === undefined ? 0 : digits) + "%";
}

function plural(n, one, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many || one + "s"}`;
}

function showVersion() {
  return api("/api/info")
    .then((info) => {
      const node = document.getElementById("version");
      if (node && info && info.version) node.textContent = "v" + info.version;
      return info;
    })
    .catch(() => null);
}
