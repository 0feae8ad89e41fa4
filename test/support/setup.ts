import '../../embedded/quiet-sdk-warning.js';

// Request logs are for operators; tests read results, not log lines.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
