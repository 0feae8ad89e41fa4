/**
 * The table's stores a function may leave out of its bundle (`RouteAccess.stores`); each is an
 * adapter group of its own (adapter-groups.ts). A module of its own: the steps' bundles read it
 * without the route table.
 */
export const TABLE_STORES = ['customers', 'workItems', 'reports', 'riskEpisodes', 'blobReferences', 'replayGuard', 'audit'] as const;
export type TableStore = (typeof TABLE_STORES)[number];
