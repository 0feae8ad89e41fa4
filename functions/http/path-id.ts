import * as z from '../core/zod.js';

/**
 * Path parameter ids: the characters a key segment may hold. A module of its own, so a route that
 * reads only an id (most do) does not bundle the timeline's query schemas with it.
 */
export const PathId = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : -'));
