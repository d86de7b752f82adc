/** Small statistics helpers shared by the benchmarks. */
function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const median = (samples) => percentile(samples, 50);

function formatMicros(ms) {
  return `${(ms * 1000).toFixed(2)} µs`;
}

module.exports = { percentile, median, formatMicros };
