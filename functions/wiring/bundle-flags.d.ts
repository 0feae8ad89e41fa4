// The esbuild `define` names of ADAPTER_GROUP_FLAGS (adapter-groups.ts): `true` or `false` in a
// Lambda bundle, from the function's access (lib/hub-function.ts); undeclared outside one — in the
// embedded runtime and in tests, which wire every adapter. Read them as
// `const withX = typeof FLAG === 'undefined' || FLAG;` at the top of the wiring function: esbuild folds
// a branch on such a constant (and drops the adapters behind it), not on a module-level one or one
// declared after other statements. test/infra/function-bundles.test.ts checks what each bundle holds.
declare const COMMHUB_BUNDLES_TABLE: boolean | undefined;
declare const COMMHUB_BUNDLES_BLOBS: boolean | undefined;
declare const COMMHUB_BUNDLES_CURSORS: boolean | undefined;
declare const COMMHUB_BUNDLES_TENANTS: boolean | undefined;
declare const COMMHUB_BUNDLES_CUSTOMERS: boolean | undefined;
declare const COMMHUB_BUNDLES_WORK_ITEMS: boolean | undefined;
declare const COMMHUB_BUNDLES_REPORTS: boolean | undefined;
declare const COMMHUB_BUNDLES_RISK_EPISODES: boolean | undefined;
declare const COMMHUB_BUNDLES_BLOB_REFERENCES: boolean | undefined;
declare const COMMHUB_BUNDLES_REPLAY_GUARD: boolean | undefined;
declare const COMMHUB_BUNDLES_AUDIT: boolean | undefined;
// WORKFLOW_PORT_FLAGS (workflow-port-groups.ts): set only for a function that declares its
// `workflowPorts` (lib/hub-function.ts); undeclared elsewhere, where every workflow port is wired.
declare const COMMHUB_BUNDLES_ANALYSIS: boolean | undefined;
declare const COMMHUB_BUNDLES_CUSTOMER_AGENTS: boolean | undefined;
declare const COMMHUB_BUNDLES_REPORT_WRITER: boolean | undefined;
declare const COMMHUB_BUNDLES_TRANSCRIBE: boolean | undefined;
declare const COMMHUB_BUNDLES_STEP_FUNCTIONS: boolean | undefined;
declare const COMMHUB_BUNDLES_EVENTS: boolean | undefined;
declare const COMMHUB_BUNDLES_MAIL: boolean | undefined;
// Set only in the bundle of a Bedrock step (lib/tool-schema-defines.ts): `false`, with its forced
// tools' input schemas generated at synth in COMMHUB_TOOL_SCHEMAS (by tool name); undeclared
// elsewhere, where forced-tool.ts generates them.
declare const COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR: boolean | undefined;
declare const COMMHUB_TOOL_SCHEMAS: Readonly<Record<string, import('../adapters/bedrock/forced-tool.js').JsonDocument>> | undefined;
