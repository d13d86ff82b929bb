/* The state panel (one state's visits and their input/output processing) and the event history table. */
"use strict";

const Panels = (() => {
  const STEPS = [
    ["input", "Input"],
    ["afterInputPath", "After InputPath"],
    ["afterParameters", "After Parameters"],
    ["result", "Result"],
    ["afterResultSelector", "After ResultSelector"],
    ["afterResultPath", "After ResultPath"],
    ["output", "Output"],
  ];

  /** The steps each type has: a Fail state processes nothing; Choice, Wait and Succeed have no Parameters or result. */
  const STEPS_OF_TYPE = {
    Fail: ["input"],
    Choice: ["input", "afterInputPath", "output"],
    Wait: ["input", "afterInputPath", "output"],
    Succeed: ["input", "afterInputPath", "output"],
    Pass: ["input", "afterInputPath", "afterParameters", "result", "afterResultPath", "output"],
  };

  /** The definition of a state, wherever it sits (branches and item processors included). */
  function stateDefinition(definition, name) {
    if (!definition || !definition.States) return null;
    if (definition.States[name]) return definition.States[name];
    for (const state of Object.values(definition.States)) {
      for (const inner of [...(state.Branches || []), state.ItemProcessor, state.Iterator]) {
        const found = inner && stateDefinition(inner, name);
        if (found) return found;
      }
    }
    return null;
  }

  function renderState(panel, view) {
    const { name, visits, visitIndex, definition, events } = view;
    if (!name) {
      panel.innerHTML = `<p class="hint">Click a state in the graph to see its input, each step of its input and output processing, its output, error and events.</p>`;
      return;
    }
    const stateJson = stateDefinition(definition, name);
    const type = stateJson ? stateJson.Type : visits.length ? visits[0].type : "";
    let html = `<header class="panel-head"><h2 id="state-name">${Format.escape(name)}</h2>
      <span class="state-type">${Format.escape(type || "")}</span>
      <span id="state-status">${Format.badge(visits.length ? visits[visitIndex].status : null)}</span></header>`;
    if (!visits.length) {
      html += `<p class="hint">Not entered in this execution.</p>`;
    } else {
      if (visits.length > 1) {
        html += `<nav class="visits" aria-label="Visits">` + visits.map((visit, i) =>
          `<button type="button" data-visit="${i}" class="visit status-${visit.status.toLowerCase()}${i === visitIndex ? " current" : ""}">${i + 1}</button>`
        ).join("") + `<span class="hint">${visits.length} visits</span></nav>`;
      }
      const visit = visits[visitIndex];
      if (visit.error || visit.cause) {
        html += `<section class="error-box" id="state-error"><strong>${Format.escape(visit.error || "")}</strong>` +
          (visit.cause ? `<pre>${Format.json(visit.cause)}</pre>` : "") + `</section>`;
      }
      if (visit.retries) html += `<p class="hint">Retried ${visit.retries} time${visit.retries > 1 ? "s" : ""}.</p>`;
      html += `<div class="steps">`;
      const steps = Object.assign({}, visit.steps || { input: visit.input });
      if (visit.output !== undefined) steps.output = visit.output;
      let previous = null;
      const kept = STEPS_OF_TYPE[type];
      for (const [key, label] of STEPS) {
        if (steps[key] === undefined || (kept && !kept.includes(key))) continue;
        const same = previous !== null && normalized(steps[key]) === normalized(previous);
        html += `<section class="step${same ? " same" : ""}" data-step="${key}">
          <h3>${label}${same ? ` <span class="unchanged">unchanged</span>` : ""}</h3>
          <pre>${Format.json(steps[key])}</pre></section>`;
        previous = steps[key];
      }
      html += `</div>`;
      if (visit.assignedVariables) {
        const assigned = {};
        for (const [name, text] of Object.entries(visit.assignedVariables)) {
          try {
            assigned["$" + name] = JSON.parse(text);
          } catch (e) {
            assigned["$" + name] = text;
          }
        }
        html += `<section class="step assigned" data-step="assignedVariables"><h3>Assigned variables</h3><pre>${Format.json(assigned)}</pre></section>`;
      }
      if ((type === "Parallel" || type === "Map") && steps.result === undefined) {
        html += `<p class="hint">Its result is the array of the ${type === "Map" ? "iterations'" : "branches'"} outputs: click the states inside to see them.</p>`;
      }
      if (testStateRequest(view.machineDefinition, definition, name, visit)) {
        html += `<section class="test-state"><button type="button" id="test-state-button">Test this state</button>
          <span class="hint">TestState on this visit's input${["Task", "Map", "Parallel"].includes(type) ? ", its recorded result or error as the mock" : ""}</span>
          <div id="test-state-result"></div></section>`;
      }
      const own = new Set(visit.eventIds);
      html += `<h3 class="sub">Events</h3><ol class="visit-events">` + events.filter(e => own.has(e.id)).map(e =>
        `<li><span class="event-id">#${e.id}</span> ${Format.escape(e.type)}</li>`).join("") + `</ol>`;
    }
    if (stateJson) {
      html += `<details class="definition"><summary>Definition</summary><pre>${Format.json(stateJson)}</pre></details>`;
    }
    panel.innerHTML = html;
  }

  /**
   * The TestState request that tests a visit of a state again: its recorded input and, for a Task, Map
   * or Parallel, its recorded result (or error, with the retries it had) as the mock, so nothing is
   * called. A state of the machine's top level is tested by name in the whole definition; one inside a
   * Parallel or Map alone. Null when the visit cannot be tested (a Map or Parallel with nothing recorded).
   */
  function testStateRequest(machineDefinitionText, definition, name, visit) {
    const stateJson = stateDefinition(definition, name);
    if (!stateJson || !visit) return null;
    const request = { input: visit.input === undefined ? "{}" : visit.input, inspectionLevel: "DEBUG" };
    if (definition.States && definition.States[name] && machineDefinitionText) {
      request.definition = machineDefinitionText;
      request.stateName = name;
    } else {
      request.definition = JSON.stringify(stateJson);
    }
    if (["Task", "Map", "Parallel"].includes(stateJson.Type)) {
      const result = visit.steps ? visit.steps.result : undefined;
      if (visit.error) {
        request.mock = { errorOutput: { error: visit.error, cause: visit.cause || "" } };
        if (visit.retries) request.stateConfiguration = { retrierRetryCount: visit.retries };
      } else if (result !== undefined) {
        request.mock = { result, fieldValidationMode: "NONE" };
      } else if (stateJson.Type !== "Task") {
        return null;
      }
    }
    return request;
  }

  /** TestState's answer: its status, next state, output or error, and each inspected step. */
  function renderTestResult(element, response) {
    let html = `<p id="test-state-status">${Format.badge(response.status)}` +
      (response.nextState ? ` next: <strong id="test-state-next">${Format.escape(response.nextState)}</strong>` : "") + `</p>`;
    if (response.error) {
      html += `<section class="error-box"><strong>${Format.escape(response.error)}</strong>` +
        (response.cause ? `<pre>${Format.json(response.cause)}</pre>` : "") + `</section>`;
    }
    const data = response.inspectionData || {};
    for (const [key, value] of Object.entries(data)) {
      html += `<section class="step" data-test-step="${Format.escape(key)}"><h3>${Format.escape(key)}</h3>` +
        `<pre>${Format.json(value)}</pre></section>`;
    }
    if (response.output !== undefined) {
      html += `<section class="step" data-test-step="output"><h3>Output</h3><pre>${Format.json(response.output)}</pre></section>`;
    }
    element.innerHTML = html;
  }

  function normalized(text) {
    try {
      return JSON.stringify(JSON.parse(text));
    } catch (e) {
      return text;
    }
  }

  function details(event) {
    for (const [key, value] of Object.entries(event)) {
      if (key.endsWith("EventDetails")) return value;
    }
    return null;
  }

  function renderEvents(table, events, stateOfEvent, highlighted, startDate) {
    const rows = events.map(event => {
      const info = details(event);
      const state = stateOfEvent.get(event.id) || "";
      const kind = /Failed|TimedOut|Aborted/.test(event.type) ? " failed" : /Succeeded/.test(event.type) ? " succeeded" : "";
      return `<tr data-event="${event.id}" data-state="${Format.escape(state)}" class="${highlighted.has(event.id) ? "highlight" : ""}${kind}">
        <td class="num">${event.id}</td>
        <td class="type">${Format.escape(event.type)}</td>
        <td>${Format.escape(state)}</td>
        <td class="num">+${Format.duration(startDate, event.timestamp)}</td>
        <td class="detail">${info ? `<details><summary>${Format.escape(Format.compact(summary(info), 150))}</summary><pre>${Format.json(expand(info))}</pre></details>` : ""}</td>
      </tr>`;
    }).join("");
    table.innerHTML = `<thead><tr><th>#</th><th>Type</th><th>State</th><th>Elapsed</th><th>Details</th></tr></thead><tbody>${rows}</tbody>`;
  }

  /** The one-line form: what the State column and the truncation flags already say is left out. */
  function summary(info) {
    const shown = expand(info);
    delete shown.name;
    for (const key of Object.keys(shown)) if (key.endsWith("Details")) delete shown[key];
    return shown;
  }

  /** Details with their JSON-text fields (input, output, parameters) shown as JSON. */
  function expand(info) {
    const copy = {};
    for (const [key, value] of Object.entries(info)) {
      if (typeof value === "string" && /^[[{]/.test(value)) {
        try {
          copy[key] = JSON.parse(value);
          continue;
        } catch (e) { /* not JSON: shown as text */ }
      }
      copy[key] = value;
    }
    return copy;
  }

  return { renderState, renderEvents, testStateRequest, renderTestResult };
})();
