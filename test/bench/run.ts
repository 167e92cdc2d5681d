// `npm run bench`: every benchmark in turn. Not part of `npm test`.
await import('./agent-ingest.js');
