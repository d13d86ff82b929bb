/* The server's two JSON interfaces: the Step Functions API (AWS JSON 1.0) and the /debug/ endpoints. */
"use strict";

const Api = (() => {
  async function sfn(action, body) {
    const response = await fetch("/", {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions." + action },
      body: JSON.stringify(body || {}),
    });
    const json = await response.json();
    if (!response.ok) {
      const code = (json.__type || "Error").split("#").pop();
      throw new Error(code + (json.message ? ": " + json.message : ""));
    }
    return json;
  }

  async function debug(path, params) {
    const query = new URLSearchParams(params || {}).toString();
    const response = await fetch("/debug/" + path + (query ? "?" + query : ""), { cache: "no-store" });
    const json = await response.json();
    if (!response.ok) throw new Error(json.error + ": " + json.message);
    return json;
  }

  /** Every page of an execution's history, oldest first. */
  async function history(executionArn) {
    const events = [];
    let nextToken;
    do {
      const page = await sfn("GetExecutionHistory", { executionArn, maxResults: 1000, nextToken });
      events.push(...page.events);
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  async function allStateMachines() {
    const machines = [];
    let nextToken;
    do {
      const page = await sfn("ListStateMachines", { maxResults: 1000, nextToken });
      machines.push(...page.stateMachines);
      nextToken = page.nextToken;
    } while (nextToken);
    return machines;
  }

  return { sfn, debug, history, allStateMachines };
})();
