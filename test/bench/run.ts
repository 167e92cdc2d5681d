// `npm run bench`: every benchmark in turn. Not part of `npm test`.
const only = process.argv[2];
if (!only || only === 'agent-ingest') await import('./agent-ingest.js');
if (!only || only === 'store-and-link') await import('./store-and-link.js');
if (!only || only === 'previous-alert') await import('./previous-alert.js');
if (!only || only === 'agent-memory') await import('./agent-memory.js');
if (!only || only === 'collector-scale') await import('./collector-scale.js');
if (!only || only === 'latency') await import('./latency.js');
