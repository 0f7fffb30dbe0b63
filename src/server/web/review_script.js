// The review page: the queue of documents with fields the engine did not accept, the page with each
// field's box coloured by confidence, and keyboard-driven decisions stored by the server. Every text
// from the server is set with textContent or setAttribute, never parsed as HTML.
"use strict";

const state = { queue: [], document: null, record: null, fields: [], selected: 0, pageUrl: null };
const $ = (id) => document.getElementById(id);

function key() { return sessionStorage.getItem("mixtract-key") || ""; }

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (key()) headers["Authorization"] = "Bearer " + key();
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    $("key-form").hidden = false;
    $("key").focus();
    throw new Error("an API key is needed");
  }
  if (!response.ok) {
    let message = response.status + "";
    try { message = (await response.json()).error.message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function say(text) { $("status").textContent = text; }

// Red (0) through orange to green (1).
function colour(confidence) {
  const hue = Math.max(0, Math.min(1, confidence)) * 120;
  return "hsl(" + hue + ", 75%, 40%)";
}

async function loadQueue() {
  state.queue = await (await api("/v1/review/queue")).json();
  const list = $("queue");
  list.replaceChildren();
  for (const item of state.queue) {
    const li = document.createElement("li");
    li.dataset.id = item.id;
    li.textContent = "#" + item.id + " " + item.source + " (" + item.pending + ")";
    li.addEventListener("click", () => openDocument(item.id));
    if (state.document && state.document.id === item.id) li.classList.add("open");
    list.append(li);
  }
  $("queue-count").textContent = "(" + state.queue.length + ")";
}

// The box of the value chosen for a field: the first evidence with a box of the chosen candidate.
function boxOf(field) {
  for (const c of field.candidates || []) {
    if (c.value !== field.value || c.expert !== field.expert) continue;
    for (const e of c.evidence || []) if (e.box && e.box.length >= 3) return e.box;
  }
  return null;
}

async function openDocument(id) {
  const doc = await (await api("/v1/review/documents/" + id)).json();
  state.document = doc;
  state.record = doc.record;
  state.fields = Object.entries(doc.record.fields).map(([name, f]) => Object.assign({ name }, f));
  const firstPending = state.fields.findIndex((f) => doc.to_review.includes(f.name) && !doc.decisions[f.name]);
  state.selected = Math.max(0, firstPending);
  $("document-title").textContent = "#" + doc.id + " " + doc.source + " · " + (doc.record.schema_title || doc.schema);
  const blob = await (await api("/v1/review/documents/" + id + "/page")).blob();
  if (state.pageUrl) URL.revokeObjectURL(state.pageUrl);
  state.pageUrl = URL.createObjectURL(blob);
  const image = $("page-image");
  image.onload = () => { $("boxes").setAttribute("viewBox", "0 0 " + image.naturalWidth + " " + image.naturalHeight); render(); };
  image.src = state.pageUrl;
  image.setAttribute("alt", doc.source);
  for (const li of $("queue").children) li.classList.toggle("open", Number(li.dataset.id) === id);
  history.replaceState(null, "", "#" + id);
  render();
}

function render() {
  const doc = state.document;
  if (!doc) return;
  const list = $("fields");
  list.replaceChildren();
  const svg = $("boxes");
  svg.replaceChildren();
  state.fields.forEach((field, index) => {
    const decision = doc.decisions[field.name];
    const reviewable = doc.to_review.includes(field.name);
    const li = document.createElement("li");
    li.dataset.field = field.name;
    li.style.borderLeftColor = colour(field.confidence);
    li.classList.toggle("selected", index === state.selected);
    li.classList.toggle("decided", !!decision || !reviewable);
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = field.label;
    const input = document.createElement("input");
    input.value = decision ? decision.value : field.value;
    input.setAttribute("aria-label", field.label);
    input.addEventListener("keydown", (event) => editKeys(event, index, input));
    input.addEventListener("focus", () => { state.selected = index; highlight(); });
    const confidence = document.createElement("span");
    confidence.className = "confidence";
    confidence.textContent = Math.round(field.confidence * 100) + "%";
    const note = document.createElement("span");
    note.className = "note";
    note.textContent = decision ? decision.action + " by " + decision.who + " at " + decision.at + " UTC"
                     : reviewable ? field.status + (field.reason ? ": " + field.reason : "") : "accepted by the engine";
    li.append(label, input, confidence, note);
    li.addEventListener("click", () => { state.selected = index; highlight(); });
    list.append(li);

    const box = boxOf(field);
    if (box) {
      const polygon = document.createElementNS("http://www.w3.org/2000/svg", "polygon");
      polygon.setAttribute("points", box.map((p) => p[0] + "," + p[1]).join(" "));
      polygon.setAttribute("stroke", colour(field.confidence));
      polygon.dataset.field = field.name;
      svg.append(polygon);
    }
  });
  highlight();
  const pending = state.fields.filter((f) => doc.to_review.includes(f.name) && !doc.decisions[f.name]).length;
  say(pending ? pending + " field(s) to decide" : "every field decided; n for the next document");
}

function highlight() {
  const name = state.fields[state.selected] ? state.fields[state.selected].name : "";
  for (const li of $("fields").children) li.classList.toggle("selected", li.dataset.field === name);
  for (const p of $("boxes").children) p.classList.toggle("selected", p.dataset.field === name);
}

async function decide(index, action, value) {
  const field = state.fields[index];
  if (!field || !state.document) return;
  try {
    await api("/v1/review/documents/" + state.document.id + "/decisions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ field: field.name, action, value }),
    });
    const doc = await (await api("/v1/review/documents/" + state.document.id)).json();
    state.document.decisions = doc.decisions;
    // On to the next field still to decide, else the next field.
    const pending = (f, i) => i > index && doc.to_review.includes(f.name) && !doc.decisions[f.name];
    const next = state.fields.findIndex(pending);
    state.selected = next >= 0 ? next : Math.min(state.fields.length - 1, index + 1);
    render();
    loadQueue();
  } catch (error) {
    say("not saved: " + error.message);
  }
}

function editKeys(event, index, input) {
  if (event.key === "Enter") {
    event.preventDefault();
    input.blur();
    const field = state.fields[index];
    decide(index, input.value === field.value ? "accept" : "edit", input.value);
  } else if (event.key === "Escape") {
    input.value = state.fields[index].value;
    input.blur();
  }
  event.stopPropagation();
}

function nextDocument() {
  const ids = state.queue.map((item) => item.id);
  const at = state.document ? ids.indexOf(state.document.id) : -1;
  const next = ids.find((id, i) => i > at) ?? ids.find((id) => !state.document || id !== state.document.id);
  if (next !== undefined) openDocument(next);
  else say("the queue is empty");
}

document.addEventListener("keydown", (event) => {
  if (event.target instanceof HTMLInputElement) return;
  const count = state.fields.length;
  if (event.key === "ArrowDown" || event.key === "j") state.selected = Math.min(count - 1, state.selected + 1), highlight();
  else if (event.key === "ArrowUp" || event.key === "k") state.selected = Math.max(0, state.selected - 1), highlight();
  else if (event.key === "a" || event.key === "Enter") decide(state.selected, "accept", "");
  else if (event.key === "e") {
    const li = $("fields").children[state.selected];
    if (li) li.querySelector("input").focus();
  } else if (event.key === "n") nextDocument();
  else return;
  event.preventDefault();
});

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem("mixtract-key", $("key").value);
  $("key-form").hidden = true;
  start();
});

async function start() {
  try {
    await loadQueue();
    const wanted = Number(location.hash.slice(1));  // #ID: that document, reviewed or not
    if (wanted) await openDocument(wanted);
    else if (state.queue.length) await openDocument(state.queue[0].id);
    else say("the queue is empty");
  } catch (error) {
    say(error.message);
  }
}

start();
