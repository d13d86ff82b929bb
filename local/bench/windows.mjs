// Summarises alternating measuring windows of two engines: each side's median and min-max, and the
// median of the per-pair ratios (window i of ours over window i of the peer, run one after the other,
// so both saw about the same load).
//
//   node windows.mjs LABEL "OURS_RATE ..." "PEER_RATE ..."
const [label, oursText, peerText] = process.argv.slice(2);
const ours = oursText.trim().split(/\s+/).map(Number);
const peer = peerText.trim().split(/\s+/).map(Number);
if (ours.length === 0 || ours.length !== peer.length || [...ours, ...peer].some(Number.isNaN)) {
  console.error(`windows.mjs: ${label}: need as many numeric windows for each side (got ${oursText} / ${peerText})`);
  process.exit(2);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const rate = (value) => Math.round(value).toLocaleString('en-US');
const side = (values) => `${rate(median(values)).padStart(9)}/s (${rate(Math.min(...values))}-${rate(Math.max(...values))})`;
const ratios = ours.map((value, i) => value / peer[i]);

console.log(`${label.padEnd(26)} ours ${side(ours)}   aws-local-stepfunctions ${side(peer)}   `
  + `ratio ${median(ratios).toFixed(1)}x (pairs ${Math.min(...ratios).toFixed(1)}-${Math.max(...ratios).toFixed(1)}x)`);
