import fc from 'fast-check';
import '../../embedded/quiet-sdk-warning.js';

// Request logs are for operators; tests read results, not log lines.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

// Property tests are seeded so CI is repeatable; FC_SEED=<n> (or a random one) explores further.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
