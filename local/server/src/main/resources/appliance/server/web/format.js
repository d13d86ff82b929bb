/* Small helpers to show JSON, times and statuses. */
"use strict";

const Format = (() => {
  function escape(text) {
    return String(text).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  /** JSON text pretty-printed, with spans for keys, strings, numbers and literals. Not JSON: shown as is. */
  function json(text) {
    let pretty;
    try {
      pretty = JSON.stringify(typeof text === "string" ? JSON.parse(text) : text, null, 2);
    } catch (e) {
      return escape(text);
    }
    if (pretty === undefined) return "";
    return escape(pretty).replace(
      /(&quot;(?:\\.|[^&\\]|&(?!quot;))*&quot;)(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
      (match, string, colon, literal, number) => {
        if (string) return `<span class="${colon ? "j-key" : "j-str"}">${string}</span>${colon || ""}`;
        if (literal) return `<span class="j-lit">${literal}</span>`;
        return `<span class="j-num">${number}</span>`;
      });
  }

  function compact(value, max) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  /** ISO 8601 in UTC, to the second (2024-05-01T12:00:03Z): one format for every reader, as AWS's own. */
  function time(epochSeconds) {
    if (epochSeconds === undefined || epochSeconds === null) return "";
    return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  function duration(fromSeconds, toSeconds) {
    const ms = Math.max(0, Math.round((toSeconds - fromSeconds) * 1000));
    if (ms < 1000) return ms + " ms";
    if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + " s";
    return Math.floor(ms / 60000) + " min " + Math.round((ms % 60000) / 1000) + " s";
  }

  function badge(status) {
    const shown = status || "NOT ENTERED";
    return `<span class="badge status-${shown.toLowerCase().replace(/ /g, "-")}">${escape(shown.replace(/_/g, " "))}</span>`;
  }

  return { escape, json, compact, time, duration, badge };
})();
