/*
 * Layered top-to-bottom layout of a state graph (the JSON of /debug/machine's "graph"):
 * longest-path layers from StartAt, dummy points for edges that skip layers, barycenter sweeps to
 * reduce crossings, x positions pulled toward neighbours. Parallel and Map states become boxes holding
 * their branches, each laid out the same way. Pure: the only browser call is text measuring.
 */
"use strict";

const Layout = (() => {
  const GAP_X = 40;          // between boxes of one layer
  const GAP_Y = 62;          // between layers: room for edge labels
  const NODE_H = 46;
  const PAD_X = 18;
  const HEADER_H = 30;       // title row of a Parallel or Map box
  const BRANCH_GAP = 28;
  const INNER_PAD = 16;
  const START = "\u0000start";
  const NAME_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', sans-serif";
  const TYPE_FONT = "11px system-ui, -apple-system, 'Segoe UI', sans-serif";

  let canvas = null;
  function textWidth(text, font) {
    canvas = canvas || document.createElement("canvas");
    const context = canvas.getContext("2d");
    context.font = font;
    return Math.ceil(context.measureText(text).width);
  }

  /** Lays out a graph; {withStart} adds the start marker (the machine's own graph, not branches). */
  function layout(graph, withStart) {
    const nodes = new Map();
    for (const node of graph.nodes) {
      nodes.set(node.name, sized(node));
    }
    const edges = graph.edges
      .filter(edge => nodes.has(edge.from) && nodes.has(edge.to))
      .map(edge => Object.assign({}, edge));
    if (withStart && nodes.has(graph.startAt)) {
      nodes.set(START, { name: START, type: "Start", w: 18, h: 18, start: true });
      edges.unshift({ from: START, to: graph.startAt, kind: "START", label: null });
    }
    const order = discoveryOrder(graph, nodes, edges, withStart ? START : graph.startAt);
    markBackEdges(order, edges);
    const layers = assignLayers(order, nodes, edges);
    const chains = addDummies(nodes, edges, layers);
    orderLayers(layers, nodes, edges, chains);
    placeX(layers, nodes, chains);
    const height = placeY(layers, nodes);
    const width = normalizeX(nodes);
    routeEdges(edges, nodes, chains, width);
    const visible = [...nodes.values()].filter(node => !node.dummy);
    // A loop runs right of the states, its label centred on it: both must fit in the drawing.
    const right = Math.max(width, ...edges.filter(e => e.back).map(e =>
      e.backX + 14 + (e.label ? Math.min(textWidth(e.label, TYPE_FONT), 190) / 2 : 0)));
    return { width: right, height, nodes: visible, edges };
  }

  function sized(node) {
    const result = { name: node.name, type: node.type, end: node.end, branches: [] };
    if (node.branches && node.branches.length) {
      result.branches = node.branches.map(branch => layout(branch, false));
      const inner = result.branches.reduce((sum, b) => sum + b.width, 0) + BRANCH_GAP * (result.branches.length - 1);
      const title = textWidth(node.name, NAME_FONT) + textWidth(node.type, TYPE_FONT) + 3 * PAD_X;
      result.w = Math.max(title, inner + 2 * INNER_PAD);
      result.h = HEADER_H + Math.max(...result.branches.map(b => b.height)) + INNER_PAD;
      let x = (result.w - inner) / 2;
      for (const branch of result.branches) {
        branch.x = x;
        branch.y = HEADER_H;
        x += branch.width + BRANCH_GAP;
      }
    } else {
      result.w = Math.max(120, textWidth(node.name, NAME_FONT) + 2 * PAD_X + 14);
      result.h = NODE_H;
    }
    return result;
  }

  /** Depth-first from the start, then from every state not reached (invalid or unreachable ones). */
  function discoveryOrder(graph, nodes, edges, start) {
    const out = new Map();
    for (const edge of edges) {
      (out.get(edge.from) || out.set(edge.from, []).get(edge.from)).push(edge);
    }
    const seen = new Set();
    const order = [];
    const visit = name => {
      if (seen.has(name)) return;
      seen.add(name);
      order.push(name);
      for (const edge of out.get(name) || []) visit(edge.to);
    };
    if (start) visit(start);
    for (const name of nodes.keys()) visit(name);
    return order;
  }

  /** Edges that close a cycle (to a state still on the depth-first stack) are drawn as loops. */
  function markBackEdges(order, edges) {
    const out = new Map();
    for (const edge of edges) {
      (out.get(edge.from) || out.set(edge.from, []).get(edge.from)).push(edge);
    }
    const state = new Map(); // 1: on the stack, 2: done
    const visit = name => {
      state.set(name, 1);
      for (const edge of out.get(name) || []) {
        const target = state.get(edge.to);
        if (target === 1) edge.back = true;
        else if (!target) visit(edge.to);
      }
      state.set(name, 2);
    };
    for (const name of order) if (!state.get(name)) visit(name);
  }

  /** Longest path over the forward edges: each state one layer below its lowest predecessor. */
  function assignLayers(order, nodes, edges) {
    const incoming = new Map(order.map(name => [name, []]));
    for (const edge of edges) if (!edge.back) incoming.get(edge.to).push(edge.from);
    const layer = new Map();
    const compute = name => {
      if (layer.has(name)) return layer.get(name);
      layer.set(name, 0); // guards against cycles the back-edge pass did not see
      let value = 0;
      for (const from of incoming.get(name)) value = Math.max(value, compute(from) + 1);
      layer.set(name, value);
      return value;
    };
    const layers = [];
    for (const name of order) {
      const value = compute(name);
      nodes.get(name).layer = value;
      (layers[value] = layers[value] || []).push(name);
    }
    return layers.map(layer => layer || []);
  }

  /** An edge that skips layers passes through one dummy point per layer it crosses. */
  function addDummies(nodes, edges, layers) {
    const chains = new Map();
    let count = 0;
    for (const edge of edges) {
      if (edge.back) continue;
      const chain = [edge.from];
      for (let layer = nodes.get(edge.from).layer + 1; layer < nodes.get(edge.to).layer; layer++) {
        const name = "\u0000dummy" + count++;
        nodes.set(name, { name, dummy: true, w: edge.label ? 24 : 10, h: 0, layer });
        layers[layer].push(name);
        chain.push(name);
      }
      chain.push(edge.to);
      chains.set(edge, chain);
    }
    return chains;
  }

  function neighbours(chains) {
    const up = new Map();
    const down = new Map();
    for (const chain of chains.values()) {
      for (let i = 0; i + 1 < chain.length; i++) {
        (down.get(chain[i]) || down.set(chain[i], []).get(chain[i])).push(chain[i + 1]);
        (up.get(chain[i + 1]) || up.set(chain[i + 1], []).get(chain[i + 1])).push(chain[i]);
      }
    }
    return { up, down };
  }

  /** Barycenter sweeps down and up; the order with the fewest crossings wins. */
  function orderLayers(layers, nodes, edges, chains) {
    const { up, down } = neighbours(chains);
    const position = () => {
      const at = new Map();
      layers.forEach(layer => layer.forEach((name, i) => at.set(name, i)));
      return at;
    };
    const crossings = () => {
      const at = position();
      let total = 0;
      for (let l = 0; l + 1 < layers.length; l++) {
        const pairs = [];
        for (const name of layers[l]) for (const next of down.get(name) || []) pairs.push([at.get(name), at.get(next)]);
        for (let i = 0; i < pairs.length; i++) {
          for (let j = i + 1; j < pairs.length; j++) {
            if ((pairs[i][0] - pairs[j][0]) * (pairs[i][1] - pairs[j][1]) < 0) total++;
          }
        }
      }
      return total;
    };
    let best = layers.map(layer => layer.slice());
    let bestCrossings = crossings();
    for (let round = 0; round < 8 && bestCrossings > 0; round++) {
      const downward = round % 2 === 0;
      const range = downward ? [...layers.keys()].slice(1) : [...layers.keys()].reverse().slice(1);
      for (const l of range) {
        const at = position();
        const refs = downward ? up : down;
        const score = new Map(layers[l].map((name, i) => {
          const others = refs.get(name) || [];
          return [name, others.length ? others.reduce((s, o) => s + at.get(o), 0) / others.length : i];
        }));
        layers[l].sort((a, b) => score.get(a) - score.get(b));
      }
      const now = crossings();
      if (now < bestCrossings) {
        bestCrossings = now;
        best = layers.map(layer => layer.slice());
      }
    }
    best.forEach((layer, l) => { layers[l] = layer; });
  }

  /** Packs each layer, then pulls boxes toward their neighbours' centres, keeping the order. */
  function placeX(layers, nodes, chains) {
    const { up, down } = neighbours(chains);
    for (const layer of layers) {
      let x = 0;
      for (const name of layer) {
        const node = nodes.get(name);
        node.x = x + node.w / 2;
        x += node.w + GAP_X;
      }
    }
    const widest = Math.max(...layers.map(layer => layer.reduce((s, n) => s + nodes.get(n).w + GAP_X, 0)));
    for (const layer of layers) {
      const used = layer.reduce((s, n) => s + nodes.get(n).w + GAP_X, 0);
      for (const name of layer) nodes.get(name).x += (widest - used) / 2;
    }
    for (let round = 0; round < 12; round++) {
      const downward = round % 2 === 0;
      const sequence = downward ? layers : layers.slice().reverse();
      for (const layer of sequence) {
        const refs = downward ? up : down;
        const wanted = layer.map(name => {
          const others = (refs.get(name) || []).map(o => nodes.get(o).x);
          return others.length ? others.reduce((a, b) => a + b, 0) / others.length : nodes.get(name).x;
        });
        spread(layer.map(name => nodes.get(name)), wanted);
      }
    }
    straightenDummies(layers, nodes, chains);
  }

  /** A long edge reads best as one straight line: its dummies share an x where their layers have room. */
  function straightenDummies(layers, nodes, chains) {
    const index = new Map();
    layers.forEach(layer => layer.forEach((name, i) => index.set(name, i)));
    for (const chain of chains.values()) {
      const dummies = chain.slice(1, -1).map(name => nodes.get(name));
      if (dummies.length < 2) continue;
      const candidates = dummies.map(d => d.x);
      const fits = x => dummies.every(dummy => {
        const layer = layers[dummy.layer];
        const i = index.get(dummy.name);
        const left = i > 0 ? nodes.get(layer[i - 1]) : null;
        const right = i + 1 < layer.length ? nodes.get(layer[i + 1]) : null;
        return (!left || left.x + left.w / 2 + GAP_X / 2 + dummy.w / 2 <= x)
          && (!right || right.x - right.w / 2 - GAP_X / 2 - dummy.w / 2 >= x);
      });
      const best = candidates.sort((a, b) => b - a).find(fits);
      if (best !== undefined) dummies.forEach(dummy => { dummy.x = best; });
    }
  }

  /** Puts boxes as near their wanted centres as the order and the gaps allow. */
  function spread(boxes, wanted) {
    const gap = (a, b) => a.w / 2 + GAP_X + b.w / 2;
    const left = wanted.slice();
    for (let i = 1; i < boxes.length; i++) left[i] = Math.max(left[i], left[i - 1] + gap(boxes[i - 1], boxes[i]));
    const right = wanted.slice();
    for (let i = boxes.length - 2; i >= 0; i--) right[i] = Math.min(right[i], right[i + 1] - gap(boxes[i], boxes[i + 1]));
    const mid = left.map((l, i) => (l + right[i]) / 2);
    for (let i = 1; i < boxes.length; i++) mid[i] = Math.max(mid[i], mid[i - 1] + gap(boxes[i - 1], boxes[i]));
    boxes.forEach((box, i) => { box.x = mid[i]; });
  }

  function placeY(layers, nodes) {
    let y = 8;
    for (const layer of layers) {
      const height = Math.max(0, ...layer.map(name => nodes.get(name).h));
      for (const name of layer) {
        const node = nodes.get(name);
        node.y = y + (height - node.h) / 2;
        node.layerTop = y;
        node.layerBottom = y + height;
      }
      y += height + GAP_Y;
    }
    return y - GAP_Y + 30; // room for the end markers under the last layer
  }

  /** Shifts everything right of 0; turns centres into left edges; returns the width. */
  function normalizeX(nodes) {
    const all = [...nodes.values()];
    const min = Math.min(...all.map(node => node.x - node.w / 2));
    for (const node of all) node.x = node.x - node.w / 2 - min + 8;
    return Math.max(...all.map(node => node.x + node.w)) + 8;
  }

  /** Points of each edge: out of the source's bottom, through its dummies, into the target's top. */
  function routeEdges(edges, nodes, chains, width) {
    const outgoing = new Map();
    const incoming = new Map();
    for (const edge of edges) {
      if (edge.back) continue;
      const chain = chains.get(edge);
      edge.firstHop = nodes.get(chain[1]);
      edge.lastHop = nodes.get(chain[chain.length - 2]);
      (outgoing.get(edge.from) || outgoing.set(edge.from, []).get(edge.from)).push(edge);
      (incoming.get(edge.to) || incoming.set(edge.to, []).get(edge.to)).push(edge);
    }
    const ports = (list, hop, node) => {
      list.sort((a, b) => centre(hop(a)) - centre(hop(b)));
      const span = Math.min(node.w * 0.7, (list.length - 1) * 70);
      list.forEach((edge, i) => {
        edge[node === nodes.get(edge.from) ? "outX" : "inX"] =
          centre(node) + (list.length === 1 ? 0 : -span / 2 + (span * i) / (list.length - 1));
      });
    };
    for (const [name, list] of outgoing) ports(list, e => e.firstHop, nodes.get(name));
    for (const [name, list] of incoming) ports(list, e => e.lastHop, nodes.get(name));
    let loops = 0;
    for (const edge of edges) {
      const from = nodes.get(edge.from);
      const to = nodes.get(edge.to);
      if (edge.back) {
        edge.backX = Math.max(from.x + from.w, to.x + to.w) + 24 + 14 * loops++;
        edge.points = [
          { x: from.x + from.w, y: from.y + from.h / 2 },
          { x: edge.backX, y: from.y + from.h / 2 },
          { x: edge.backX, y: to.y + to.h / 2 },
          { x: to.x + to.w, y: to.y + to.h / 2 },
        ];
        edge.labelAt = { x: edge.backX, y: (from.y + to.y + to.h) / 2 };
        continue;
      }
      const chain = chains.get(edge);
      const points = [{ x: edge.outX, y: from.y + from.h }];
      for (const name of chain.slice(1, -1)) {
        const dummy = nodes.get(name);
        points.push({ x: centre(dummy), y: dummy.layerTop });
        points.push({ x: centre(dummy), y: dummy.layerBottom });
      }
      points.push({ x: edge.inX, y: to.y });
      edge.points = points;
    }
    // Labels sit on the first stretch of their edge; a state's labelled edges take turns along it,
    // so the labels of a Choice's branches do not cover one another.
    for (const list of outgoing.values()) {
      const labelled = list.filter(edge => edge.label);
      labelled.forEach((edge, i) => {
        const t = labelled.length === 1 ? 0.5 : 0.3 + (0.4 * i) / (labelled.length - 1);
        edge.labelAt = pointOnCurve(edge.points[0], edge.points[1], t);
      });
    }
    for (const node of nodes.values()) {
      node.hasOut = outgoing.has(node.name);
    }
  }

  /** A point of the vertical-tangent curve drawn between a and b (graph.js draws the same curve). */
  function pointOnCurve(a, b, t) {
    const bend = (b.y - a.y) / 2;
    const u = 1 - t;
    const ax = u * u * u + 3 * u * u * t;
    const bx = 3 * u * t * t + t * t * t;
    return {
      x: a.x * ax + b.x * bx,
      y: a.y * u * u * u + 3 * (a.y + bend) * u * u * t + 3 * (b.y - bend) * u * t * t + b.y * t * t * t,
    };
  }

  function centre(node) {
    return node.x + node.w / 2;
  }

  return { layout, textWidth, NAME_FONT, TYPE_FONT, START };
})();
