/*
 * Draws a laid-out state graph (layout.js) as SVG: states as boxes coloured by status, Choice edges
 * with their conditions, Catch edges dashed, Parallel and Map as boxes holding their branches, the
 * path taken in a darker stroke. Clicking a state calls onSelect(name).
 */
"use strict";

const GraphView = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const MAX_LABEL = 30;

  function el(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function shorten(text, max) {
    return text.length <= max ? text : text.slice(0, max - 1) + "\u2026";
  }

  /**
   * @param graph /debug/machine's graph
   * @param statusOf name -> {status, visits} (missing: not entered)
   * @param taken Set of "from\u0001to" for transitions the execution made
   * @param selected the selected state's name, or null
   */
  function render(container, graph, statusOf, taken, selected, onSelect) {
    const laidOut = Layout.layout(graph, true);
    container.textContent = "";
    const svg = el("svg", {
      id: "graph-svg",
      viewBox: `0 0 ${laidOut.width} ${laidOut.height}`,
      width: laidOut.width,
      height: laidOut.height,
      role: "img",
      "aria-label": "State machine graph",
    }, container);
    const defs = el("defs", {}, svg);
    for (const [id, cls] of [["arrow", "arrow"], ["arrow-taken", "arrow taken"], ["arrow-catch", "arrow catch"]]) {
      const marker = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z", class: cls }, marker);
    }
    drawGraph(svg, laidOut, statusOf, taken, selected, onSelect);
    return svg;
  }

  function drawGraph(parent, laidOut, statusOf, taken, selected, onSelect) {
    const edgeLayer = el("g", { class: "edges" }, parent);
    const nodeLayer = el("g", { class: "nodes" }, parent);
    const labelLayer = el("g", { class: "labels" }, parent);
    for (const edge of laidOut.edges) drawEdge(edgeLayer, labelLayer, edge, statusOf, taken);
    for (const node of laidOut.nodes) drawNode(nodeLayer, node, statusOf, taken, selected, onSelect);
  }

  function edgePath(points, back) {
    if (back) {
      const [a, b, c, d] = points;
      return `M ${a.x} ${a.y} C ${b.x} ${b.y} ${b.x} ${b.y} ${b.x} ${(b.y + c.y) / 2} S ${c.x} ${c.y} ${d.x} ${d.y}`;
    }
    let path = `M ${points[0].x} ${points[0].y}`;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      const bend = (b.y - a.y) / 2;
      path += ` C ${a.x} ${a.y + bend} ${b.x} ${b.y - bend} ${b.x} ${b.y}`;
    }
    return path;
  }

  function drawEdge(edgeLayer, labelLayer, edge, statusOf, taken) {
    const from = edge.from === Layout.START ? null : edge.from;
    const wasTaken = from === null ? statusOf.has(edge.to) : taken.has(edge.from + "\u0001" + edge.to + "\u0001" + (edge.kind === "CATCH"));
    const classes = ["edge", "kind-" + edge.kind.toLowerCase()];
    if (edge.back) classes.push("loop");
    if (wasTaken) classes.push("taken");
    const marker = wasTaken ? "arrow-taken" : edge.kind === "CATCH" ? "arrow-catch" : "arrow";
    const path = el("path", { d: edgePath(edge.points, edge.back), class: classes.join(" "), "marker-end": `url(#${marker})` }, edgeLayer);
    path.dataset.from = edge.from;
    path.dataset.to = edge.to;
    if (!edge.label) return;
    const text = edge.kind === "CATCH" ? "Catch " + edge.label : edge.label;
    const group = el("g", { class: "edge-label " + classes.slice(1).join(" ") }, labelLayer);
    el("title", {}, group).textContent = text;
    const shown = shorten(edge.kind === "CATCH" ? "\u26A0 " + edge.label.split(", ").map(e => e.split(".").pop()).join(", ") : text, MAX_LABEL);
    const width = Layout.textWidth(shown, "11px system-ui, -apple-system, 'Segoe UI', sans-serif") + 10;
    el("rect", { x: edge.labelAt.x - width / 2, y: edge.labelAt.y - 9, width, height: 18, rx: 9 }, group);
    el("text", { x: edge.labelAt.x, y: edge.labelAt.y + 4, "text-anchor": "middle" }, group).textContent = shown;
  }

  function drawNode(parent, node, statusOf, taken, selected, onSelect) {
    if (node.start) {
      const group = el("g", { class: "start-marker" }, parent);
      el("circle", { cx: node.x + node.w / 2, cy: node.y + node.h / 2, r: 8 }, group);
      el("title", {}, group).textContent = "Start";
      return;
    }
    const info = statusOf.get(node.name);
    const status = info ? info.status.toLowerCase() : "none";
    const group = el("g", {
      class: `state type-${node.type.toLowerCase()} status-${status}${node.name === selected ? " selected" : ""}`,
      "data-state": node.name,
      "data-status": status,
      tabindex: 0,
    }, parent);
    group.addEventListener("click", event => { event.stopPropagation(); onSelect(node.name); });
    group.addEventListener("keydown", event => { if (event.key === "Enter") onSelect(node.name); });
    el("title", {}, group).textContent = `${node.name} (${node.type}): ${info ? info.status : "not entered"}`;
    const compound = node.branches.length > 0;
    el("rect", { class: "box", x: node.x, y: node.y, width: node.w, height: node.h, rx: compound ? 10 : 8 }, group);
    if (compound) {
      el("text", { class: "name", x: node.x + 12, y: node.y + 19 }, group).textContent = node.name;
      el("text", { class: "type", x: node.x + node.w - 12, y: node.y + 19, "text-anchor": "end" }, group).textContent = node.type;
      for (const branch of node.branches) {
        const inner = el("g", { class: "branch", transform: `translate(${node.x + branch.x} ${node.y + branch.y})` }, group);
        el("rect", { class: "branch-box", x: 0, y: 0, width: branch.width, height: branch.height, rx: 6 }, inner);
        drawGraph(inner, branch, statusOf, taken, selected, onSelect);
      }
    } else {
      const cx = node.x + node.w / 2;
      el("text", { class: "name", x: cx, y: node.y + 20, "text-anchor": "middle" }, group).textContent = node.name;
      el("text", { class: "type", x: cx, y: node.y + 35, "text-anchor": "middle" }, group).textContent =
        // The status in words as well as in colour: colour alone says nothing to some readers.
        node.type + (info ? ` \u00B7 ${info.status.toLowerCase()}` : "") +
        (info && info.visits > 1 ? `  \u00D7${info.visits}` : "") + (info && info.retries ? `  \u21BB${info.retries}` : "");
    }
    el("rect", { class: "status-bar", x: node.x, y: node.y + 4, width: 4, height: node.h - 8, rx: 2 }, group);
    if (node.end) {
      // A state that ends a branch but also has a Catch: its end marker steps aside from the Catch edge.
      const cx = node.hasOut ? node.x + node.w - 16 : node.x + node.w / 2;
      const bottom = node.y + node.h;
      el("line", { class: "end-stub", x1: cx, y1: bottom, x2: cx, y2: bottom + 12 }, group);
      el("circle", { class: "end-marker", cx, cy: bottom + 18, r: 6 }, group);
    }
  }

  return { render };
})();
