// zod/mini with zod's English messages, for every schema of the hub. The functional API (checks
// and wrappers instead of chained methods) builds schemas in about half the time classic zod does
// and keeps ~60 KB of zod out of each Lambda bundle; the messages (what a 400's `details` says)
// are the ones classic zod gives, because the same English locale is configured here, once.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
/**
 * What `parse` throws. Imported by name: reaching it through the `core` namespace would make esbuild
 * keep that whole namespace, every locale included (~380 KB).
 */
export { $ZodError } from 'zod/v4/core';
