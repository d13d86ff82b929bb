/*
 * The debugger's page: state machines and their executions on the left, one execution's graph and state
 * panel or its event history (a tab each) on the right; a form to start an execution. The URL's hash
 * (#machine=ARN&execution=ARN&state=NAME&tab=history) is the one source of what is shown: each choice on
 * the page adds a history entry, and editing the hash, Back and Forward show what it names. The list
 * of executions stays live: new executions and status changes appear without a reload.
 */
"use strict";

const POLL_MS = 1000;
/** How often the execution list is read again, and the server tried again when it did not answer. */
const LIST_POLL_MS = 2000;
const $ = id => document.getElementById(id);

const view = {
  machines: [],
  machine: null,        // /debug/machine's answer for the selected machine
  definition: null,
  executions: [],
  execution: null,      // DescribeExecution's answer for the open execution
  visits: [],
  events: [],
  selectedState: null,
  visitIndex: 0,
  samples: [],
  pollTimer: null,
  tab: "graph",
  applyingHash: false,  // while the page follows the URL, it does not write it
  listSignature: "",
};

function showError(message) {
  const bar = $("error-bar");
  bar.textContent = message || "";
  bar.hidden = !message;
}

/** fetch rejects with a TypeError when no answer came at all: the server is gone, not the request wrong. */
function problem(e) {
  if (e instanceof TypeError) {
    return `The server at ${location.host} does not answer: bin/appliance serve has stopped, or the network is down. ` +
      `This page tries again every ${LIST_POLL_MS / 1000} s.`;
  }
  return e.message;
}

async function guarded(work) {
  try {
    await work();
    showError(null);
  } catch (e) {
    showError(problem(e));
  }
}

function hashOfView() {
  const params = new URLSearchParams();
  if (view.machine) params.set("machine", view.machine.stateMachineArn);
  if (view.execution) params.set("execution", view.execution.executionArn);
  if (view.execution && view.selectedState) params.set("state", view.selectedState);
  if (view.execution && view.tab !== "graph") params.set("tab", view.tab);
  return "#" + params.toString();
}

/** A choice made on the page becomes a history entry, so Back returns to what was shown before. */
function saveHash() {
  if (view.applyingHash) return;
  const hash = hashOfView();
  if (hash !== location.hash) history.pushState(null, "", hash);
}

/** Shows what the URL names: the page's start, an edited hash, Back and Forward all come here. */
async function applyHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  view.applyingHash = true;
  try {
    const machine = params.get("machine") || (view.machines.length === 1 ? view.machines[0].stateMachineArn : null);
    const execution = params.get("execution");
    if (execution) {
      if (!view.execution || view.execution.executionArn !== execution) await openExecution(execution);
      const state = params.get("state");
      if (state !== view.selectedState) {
        if (state) selectState(state);
        else clearState();
      }
    } else {
      if (view.execution) closeExecution();
      if (machine && (!view.machine || view.machine.stateMachineArn !== machine)) await selectMachine(machine);
      else { renderGraph(); renderExecutions(); }
    }
    setTab(params.get("tab") === "history" ? "history" : "graph");
  } finally {
    view.applyingHash = false;
  }
  history.replaceState(null, "", hashOfView());
}

function setTab(tab) {
  view.tab = tab;
  document.body.dataset.tab = tab;
  for (const button of document.querySelectorAll(".tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  if (tab === "graph") applyZoom();
  saveHash();
}

// --- state machines and executions ---

async function loadMachines() {
  view.machines = await Api.allStateMachines();
  $("machine-list").innerHTML = view.machines.map(machine =>
    `<li><button type="button" class="machine${view.machine && view.machine.stateMachineArn === machine.stateMachineArn ? " current" : ""}"
       data-arn="${Format.escape(machine.stateMachineArn)}">${Format.escape(machine.name)}<span class="machine-type">${machine.type}</span></button></li>`
  ).join("") || `<li class="hint">No state machines yet.</li>`;
}

async function selectMachine(arn, keepExecution) {
  view.machine = await Api.debug("machine", { stateMachineArn: arn });
  try {
    view.definition = JSON.parse(view.machine.definition);
  } catch (e) {
    view.definition = null;
  }
  if (!keepExecution) closeExecution();
  $("machine-title").textContent = view.machine.name;
  $("start-machine").textContent = view.machine.name;
  $("test-case").innerHTML = `<option value="">(the machine's own tasks)</option>` +
    view.machine.testCases.map(c => `<option value="${Format.escape(c)}">${Format.escape(c)}</option>`).join("");
  $("test-case-row").hidden = view.machine.testCases.length === 0;
  document.body.classList.add("has-machine");
  await loadMachines();
  await loadExecutions();
  if (!view.execution) renderGraph();
  saveHash();
}

async function loadExecutions() {
  if (!view.machine) return;
  const statusFilter = $("status-filter").value || undefined;
  const page = await Api.sfn("ListExecutions", { stateMachineArn: view.machine.stateMachineArn, statusFilter, maxResults: 1000 });
  view.executions = page.executions;
  // Redrawn only when something changed, so a poll keeps the list's scroll and hover.
  const signature = view.executions.map(e => e.executionArn + e.status).join();
  if (signature === view.listSignature) return;
  view.listSignature = signature;
  renderExecutions();
}

/** The live list: new executions and status changes, from any client, without a reload. */
async function pollList() {
  try {
    if (view.machine && !document.hidden) {
      await loadExecutions();
      const listed = view.execution && view.executions.find(e => e.executionArn === view.execution.executionArn);
      // The open execution changed status elsewhere (stopped from the CLI, say): show it as it is now.
      if (listed && listed.status !== view.execution.status && view.execution.status !== "RUNNING") {
        await refreshExecution(view.execution.executionArn);
      }
    } else if (!view.machine) {
      await loadMachines();
    }
    showError(null);
  } catch (e) {
    showError(problem(e));
  } finally {
    setTimeout(pollList, LIST_POLL_MS);
  }
}

function renderExecutions() {
  const name = $("name-filter").value.trim().toLowerCase();
  const shown = view.executions.filter(e => !name || e.name.toLowerCase().includes(name));
  $("execution-list").innerHTML = shown.map(e =>
    `<li><button type="button" class="execution${view.execution && view.execution.executionArn === e.executionArn ? " current" : ""}"
        data-arn="${Format.escape(e.executionArn)}" data-name="${Format.escape(e.name)}">
      <span class="dot status-${e.status.toLowerCase()}" title="${e.status}"></span>
      <span class="execution-name">${Format.escape(e.name)}</span>
      <span class="execution-status-text status-text-${e.status.toLowerCase()}">${e.status.replace(/_/g, " ")}</span>
      <span class="execution-time">${Format.time(e.startDate)}</span></button></li>`
  ).join("") || `<li class="hint">No executions${name || $("status-filter").value ? " match" : " yet"}.</li>`;
  $("execution-count").textContent = shown.length;
}

// --- one execution ---

function closeExecution() {
  clearTimeout(view.pollTimer);
  view.execution = null;
  view.visits = [];
  view.events = [];
  view.selectedState = null;
  $("execution-view").hidden = true;
  document.body.classList.remove("has-execution");
}

async function openExecution(arn) {
  clearTimeout(view.pollTimer);
  const fresh = !view.execution || view.execution.executionArn !== arn;
  if (fresh) {
    view.selectedState = null;
    view.visitIndex = 0;
  }
  await refreshExecution(arn);
  // A failed execution opens on the state that failed: usually the first thing one wants to see.
  const failed = fresh && view.visits.filter(v => v.status === "FAILED").pop();
  if (failed) selectState(failed.name);
  renderExecutions();
  saveHash();
}

async function refreshExecution(arn) {
  const [answer, events] = await Promise.all([Api.debug("visits", { executionArn: arn }), Api.history(arn)]);
  // While polling, nothing new means nothing to redraw (the page keeps its hover and scroll).
  const signature = arn + answer.execution.status + events.length;
  const changed = signature !== view.signature;
  view.signature = signature;
  view.execution = answer.execution;
  view.visits = answer.visits;
  view.events = events;
  if (view.machine === null || view.machine.stateMachineArn !== view.execution.stateMachineArn) {
    await selectMachine(view.execution.stateMachineArn, true);
  }
  if (changed || $("execution-view").hidden) renderExecution();
  else $("execution-meta").innerHTML = meta(view.execution);
  if (view.execution.status === "RUNNING") {
    view.pollTimer = setTimeout(() => guarded(async () => {
      await refreshExecution(arn);
      await loadExecutions();
    }), POLL_MS);
  }
}

function statusByState() {
  const byState = new Map();
  for (const visit of view.visits) {
    const info = byState.get(visit.name) || { status: visit.status, visits: 0, retries: 0 };
    info.visits++;
    info.retries += visit.retries;
    // A state shows its latest visit's status, but a failure or a running visit wins over later successes.
    if (info.status !== "RUNNING" && info.status !== "FAILED") info.status = visit.status;
    if (visit.status === "RUNNING" || visit.status === "FAILED") info.status = visit.status;
    byState.set(visit.name, info);
  }
  return byState;
}

/** The transitions made: a state entered right after another one's exit, through a Catch or not. */
function transitionsTaken() {
  const byId = new Map(view.events.map(e => [e.id, e]));
  const exitedVisit = new Map();
  for (const visit of view.visits) if (visit.exitedEventId) exitedVisit.set(visit.exitedEventId, visit);
  const taken = new Set();
  for (const visit of view.visits) {
    const entered = byId.get(visit.enteredEventId);
    const from = entered && exitedVisit.get(entered.previousEventId);
    if (from) taken.add(from.name + "\u0001" + visit.name + "\u0001" + (from.status === "CAUGHT"));
  }
  return taken;
}

function renderGraph() {
  if (!view.machine) return;
  const container = $("graph");
  const scroll = [container.scrollLeft, container.scrollTop];
  GraphView.render(container, view.machine.graph, view.execution ? statusByState() : new Map(),
    view.execution ? transitionsTaken() : new Set(), view.selectedState, name => selectState(name));
  [container.scrollLeft, container.scrollTop] = scroll;
  applyZoom();
}

function renderExecution() {
  const e = view.execution;
  $("execution-view").hidden = false;
  document.body.classList.add("has-execution");
  $("execution-name").textContent = e.name;
  $("execution-status").innerHTML = Format.badge(e.status);
  $("execution-meta").innerHTML = meta(e);
  $("stop-button").hidden = e.status !== "RUNNING";
  $("execution-input").innerHTML = Format.json(e.input);
  $("execution-result-title").textContent = e.error ? "Error" : "Output";
  $("execution-result").innerHTML = e.error
    ? `<strong>${Format.escape(e.error)}</strong>\n${Format.json(e.cause || "")}`
    : e.output !== undefined ? Format.json(e.output) : `<span class="hint">(none yet)</span>`;
  renderGraph();
  renderStatePanel();
  renderEventTable();
}

function meta(e) {
  return `started ${Format.escape(Format.time(e.startDate))}` +
    (e.stopDate ? ` \u00B7 took ${Format.duration(e.startDate, e.stopDate)}` : ` \u00B7 running for ${Format.duration(e.startDate, Date.now() / 1000)}`) +
    ` \u00B7 <code>${Format.escape(e.executionArn)}</code>`;
}

function visitsOf(name) {
  return view.visits.filter(v => v.name === name);
}

function clearState() {
  view.selectedState = null;
  saveHash();
  renderGraph();
  renderStatePanel();
  renderEventTable();
}

function selectState(name) {
  if (view.selectedState !== name) view.visitIndex = Math.max(0, visitsOf(name).length - 1);
  view.selectedState = name;
  saveHash();
  renderGraph();
  renderStatePanel();
  renderEventTable();
}

function renderStatePanel() {
  const visits = visitsOf(view.selectedState);
  view.visitIndex = Math.min(view.visitIndex, Math.max(0, visits.length - 1));
  Panels.renderState($("state-panel"), {
    name: view.selectedState, visits, visitIndex: view.visitIndex, definition: view.definition, events: view.events,
    machineDefinition: view.machine ? view.machine.definition : null,
  });
}

/** Runs TestState on the selected state with the open visit's recorded input (and result or error as the mock). */
async function testSelectedState() {
  const visit = visitsOf(view.selectedState)[view.visitIndex];
  const request = Panels.testStateRequest(view.machine ? view.machine.definition : null, view.definition,
    view.selectedState, visit);
  const result = $("test-state-result");
  if (!request || !result) return;
  result.textContent = "Testing\u2026";
  try {
    Panels.renderTestResult(result, await Api.sfn("TestState", request));
  } catch (e) {
    result.innerHTML = `<section class="error-box" id="test-state-error">${Format.escape(e.message)}</section>`;
  }
}

function renderEventTable() {
  const stateOfEvent = new Map();
  for (const visit of view.visits) for (const id of visit.eventIds) stateOfEvent.set(id, visit.name);
  const visit = visitsOf(view.selectedState)[view.visitIndex];
  const openRows = new Set([...document.querySelectorAll("#events-table details[open]")].map(d => d.closest("tr").dataset.event));
  Panels.renderEvents($("events-table"), view.events, stateOfEvent, new Set(visit ? visit.eventIds : []), view.execution.startDate);
  for (const id of openRows) {
    const details = document.querySelector(`#events-table tr[data-event="${id}"] details`);
    if (details) details.open = true;
  }
  $("event-count").textContent = view.events.length;
  $("tab-event-count").textContent = view.events.length;
}

// --- zoom ---

let zoom = "fit";
function applyZoom() {
  const svg = $("graph-svg");
  if (!svg) return;
  const width = Number(svg.getAttribute("viewBox").split(" ")[2]);
  const height = Number(svg.getAttribute("viewBox").split(" ")[3]);
  const box = $("graph");
  if (box.clientWidth === 0) return;  // hidden (the history tab is shown): fitted when shown again
  // Fit: the whole graph, width and height, however large (zoom in to read a part of a big one).
  const scale = zoom === "fit" ? Math.min(1, (box.clientWidth - 28) / width, (box.clientHeight - 28) / height) : zoom;
  svg.setAttribute("width", Math.round(width * scale));
  svg.setAttribute("height", Math.round(height * scale));
  $("zoom-label").textContent = Math.round(scale * 100) + "%";
}

// --- starting an execution ---

async function loadSamples() {
  view.samples = (await Api.debug("samples")).samples;
  $("sample").innerHTML = `<option value="">Paste JSON below</option>` +
    view.samples.map((s, i) => `<option value="${i}">${Format.escape(s.name)}</option>`).join("");
}

async function startExecution(event) {
  event.preventDefault();
  const input = $("input-json").value.trim() || "{}";
  try {
    JSON.parse(input);
  } catch (e) {
    $("start-message").textContent = "The input is not JSON: " + e.message;
    return;
  }
  const testCase = $("test-case").value;
  const name = $("execution-name-input").value.trim() || undefined;
  try {
    const started = await Api.sfn("StartExecution", {
      stateMachineArn: view.machine.stateMachineArn + (testCase ? "#" + testCase : ""), input, name,
    });
    $("start-message").textContent = "";
    $("execution-name-input").value = "";
    await loadExecutions();
    await openExecution(started.executionArn);
  } catch (e) {
    $("start-message").textContent = e.message;
  }
}

// --- wiring ---

function wire() {
  $("machine-list").addEventListener("click", event => {
    const button = event.target.closest("button.machine");
    if (button) guarded(() => selectMachine(button.dataset.arn));
  });
  $("execution-list").addEventListener("click", event => {
    const button = event.target.closest("button.execution");
    if (button) guarded(() => openExecution(button.dataset.arn));
  });
  $("status-filter").addEventListener("change", () => guarded(loadExecutions));
  $("name-filter").addEventListener("input", renderExecutions);
  $("refresh-button").addEventListener("click", () => guarded(async () => {
    await loadMachines();
    await loadExecutions();
    if (view.execution) await openExecution(view.execution.executionArn);
  }));
  $("sample").addEventListener("change", () => {
    const sample = view.samples[Number($("sample").value)];
    if ($("sample").value !== "" && sample) $("input-json").value = sample.input;
  });
  $("start-form").addEventListener("submit", startExecution);
  $("stop-button").addEventListener("click", () => guarded(async () => {
    if (!confirm(`Stop the execution ${view.execution.name}? It ends ABORTED; this cannot be undone.`)) return;
    await Api.sfn("StopExecution", { executionArn: view.execution.executionArn, error: "Stopped", cause: "Stopped from the debugger" });
    await openExecution(view.execution.executionArn);
    await loadExecutions();
  }));
  $("state-panel").addEventListener("click", event => {
    if (event.target.closest("#test-state-button")) {
      guarded(testSelectedState);
      return;
    }
    const button = event.target.closest("button[data-visit]");
    if (!button) return;
    view.visitIndex = Number(button.dataset.visit);
    renderStatePanel();
    renderEventTable();
  });
  $("events-table").addEventListener("click", event => {
    const row = event.target.closest("tr[data-state]");
    if (row && row.dataset.state && !event.target.closest("details")) selectState(row.dataset.state);
  });
  $("zoom-fit").addEventListener("click", () => { zoom = "fit"; applyZoom(); });
  $("zoom-in").addEventListener("click", () => { zoom = currentScale() * 1.2; applyZoom(); });
  $("zoom-out").addEventListener("click", () => { zoom = currentScale() / 1.2; applyZoom(); });
  window.addEventListener("resize", applyZoom);
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => setTab(button.dataset.tab));
  }
  window.addEventListener("popstate", () => guarded(applyHash));
  window.addEventListener("hashchange", () => guarded(applyHash));
}

function currentScale() {
  return parseInt($("zoom-label").textContent, 10) / 100 || 1;
}

async function init() {
  wire();
  await guarded(async () => {
    await Promise.all([loadMachines(), loadSamples()]);
    await applyHash();
  });
  setTimeout(pollList, LIST_POLL_MS);
}

init();
