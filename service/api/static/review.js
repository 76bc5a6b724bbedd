// The review page: send a document to /v1/parse, then show where each value was read.
//
// A response's `provenance` lists, per manifest leaf read from the text, its path in
// the contract's flattened form (`items[2].gross_weight.value`), its spans as code-point offsets
// into the submitted text, and a confidence in [0, 1]. Without it (a service older than
// provenance) the manifest is still shown, with a note and no highlights. Everything is built
// with textContent: the document is data, never markup.
"use strict";

const $ = (id) => document.getElementById(id);

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

// Red (confidence 0) through amber to green (1).
function shade(confidence) {
  return `hsl(${Math.round(120 * Math.min(1, Math.max(0, confidence)))}, 75%, 78%)`;
}

// Every non-null leaf of the manifest as [path, value], paths as the contract flattens them.
function leaves(value, path = "", out = []) {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, out));
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
  return out;
}

// The text cut at every span boundary; each piece knows the provenance entries covering it.
// Offsets count code points (as Python does), so the text is split with Array.from: a
// character outside the Basic Multilingual Plane is one code point but two JS string units.
function pieces(text, provenance) {
  const chars = Array.from(text);
  const spans = [];
  const cuts = new Set([0, chars.length]);
  for (const entry of provenance) {
    for (const span of entry.spans) {
      if (span.start >= 0 && span.start < span.end && span.end <= chars.length) {
        spans.push({ start: span.start, end: span.end, entry });
        cuts.add(span.start);
        cuts.add(span.end);
      }
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const entries = spans.filter((s) => s.start <= start && end <= s.end).map((s) => s.entry);
    result.push({ text: chars.slice(start, end).join(""), entries });
  }
  return result;
}

function renderText(text, provenance) {
  const target = $("highlighted");
  target.replaceChildren();
  for (const piece of pieces(text, provenance)) {
    if (piece.entries.length === 0) {
      target.append(document.createTextNode(piece.text));
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = piece.text;
    mark.dataset.paths = piece.entries.map((entry) => entry.path).join(" ");
    mark.title = piece.entries.map((entry) => `${entry.path} (${entry.confidence.toFixed(2)})`).join("\n");
    mark.style.background = shade(Math.min(...piece.entries.map((entry) => entry.confidence)));
    target.append(mark);
  }
}

function valueAt(manifest, path) {
  let value = manifest;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (value === null || value === undefined) return undefined;
    value = key === undefined ? value[Number(index)] : value[key];
  }
  return value;
}

function focusField(path) {
  for (const mark of document.querySelectorAll("#highlighted mark")) {
    const hit = mark.dataset.paths.split(" ").includes(path);
    mark.classList.toggle("focus", hit);
  }
  const first = document.querySelector("#highlighted mark.focus");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function addRow(body, path, value, confidence) {
  const row = document.createElement("tr");
  row.dataset.path = path;
  const cells = [path, String(value), confidence === null ? "not located" : confidence.toFixed(2)];
  for (const [index, className] of ["path", "value", "confidence"].entries()) {
    const cell = document.createElement("td");
    cell.className = className;
    cell.textContent = cells[index];
    row.append(cell);
  }
  if (confidence === null) {
    row.className = "unlocated";
  } else {
    row.className = "located";
    row.querySelector(".confidence").style.background = shade(confidence);
    row.addEventListener("click", () => focusField(path));
  }
  body.append(row);
}

// Located fields first, least confident at the top; then the other non-null leaves (values the
// model decided rather than read, such as document_type), in manifest order.
function renderFields(manifest, provenance) {
  const body = document.querySelector("#fields tbody");
  body.replaceChildren();
  const located = [...provenance].sort((a, b) => a.confidence - b.confidence);
  for (const entry of located) addRow(body, entry.path, valueAt(manifest, entry.path), entry.confidence);
  const seen = new Set(located.map((entry) => entry.path));
  for (const [path, value] of leaves(manifest)) {
    if (!seen.has(path)) addRow(body, path, value, null);
  }
}

// Why no value is highlighted, or null when some are.
function provenanceNote(provenance) {
  if (provenance === null) {
    return (
      "This service's answer has no provenance, so the values cannot be shown in the text. " +
      "Check each field of the manifest against the document."
    );
  }
  if (provenance.length === 0) return "No value of this manifest was located in the text.";
  return null;
}

function render(text, answer) {
  const provenance = Array.isArray(answer.provenance) ? answer.provenance : null;
  const note = provenanceNote(provenance);
  $("provenance-note").hidden = note === null;
  $("provenance-note").textContent = note ?? "";
  renderText(text, provenance ?? []);
  renderFields(answer.manifest, provenance ?? []);
  $("json").textContent = JSON.stringify(answer.manifest, null, 2);
  $("result").hidden = false;
}

async function parse() {
  const text = $("document").value;
  const headers = { "Content-Type": "application/json" };
  if ($("api-key").value) headers["X-API-Key"] = $("api-key").value;
  $("parse").disabled = true;
  setStatus("Parsing…");
  try {
    const response = await fetch("/v1/parse", { method: "POST", headers, body: JSON.stringify({ text }) });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      const reason = answer && answer.message ? `${answer.error}: ${answer.message}` : response.statusText;
      setStatus(`Refused (${response.status}) ${reason}`, true);
      return;
    }
    render(text, answer);
    const meta = answer.meta;
    const cut = meta.finish_reason === "length" ? "; the output budget ran out, fields may be missing" : "";
    setStatus(`Parsed by model ${meta.model_version} in ${meta.duration_seconds.toFixed(2)} s${cut}.`);
  } catch (error) {
    setStatus(`The service did not answer: ${error.message}`, true);
  } finally {
    $("parse").disabled = false;
  }
}

async function copyJson() {
  const json = $("json").textContent;
  try {
    await navigator.clipboard.writeText(json);
  } catch {
    // No clipboard API on plain http from another host: copy through a selected textarea.
    const area = document.createElement("textarea");
    area.value = json;
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) {
      setStatus("The browser refused to copy; select the JSON and copy it by hand.", true);
      return;
    }
  }
  setStatus("Manifest JSON copied to the clipboard.");
}

async function load(file) {
  $("document").value = await file.text();
  setStatus(`Loaded ${file.name}.`);
}

$("parse").addEventListener("click", parse);
$("copy").addEventListener("click", copyJson);
$("file").addEventListener("change", (event) => {
  if (event.target.files.length) load(event.target.files[0]);
});
const area = $("document");
area.addEventListener("dragover", (event) => {
  event.preventDefault();
  area.classList.add("dragging");
});
area.addEventListener("dragleave", () => area.classList.remove("dragging"));
area.addEventListener("drop", (event) => {
  event.preventDefault();
  area.classList.remove("dragging");
  if (event.dataTransfer.files.length) load(event.dataTransfer.files[0]);
});
