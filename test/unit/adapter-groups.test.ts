import { describe, expect, it } from 'vitest';
import { ENV, runtimeConfigFromEnv } from '../../functions/config/runtime-config.js';
import { routeById } from '../../functions/http/routes.js';
import { adapterGroupDefines, adapterGroupsOf, MissingAdapterError, routeAdapterGroups } from '../../functions/wiring/adapter-groups.js';
import { createHubDependencies } from '../../functions/wiring/hub-dependencies.js';
import { portsWithin } from '../../functions/wiring/ports-within.js';
import { createWorkflowDependencies } from '../../functions/wiring/workflow-dependencies.js';
import { routeWorkflowPorts, workflowPortDefines, workflowPortsWithin } from '../../functions/wiring/workflow-port-groups.js';
import { STEP_WORKFLOW_PORTS } from '../../functions/workflow/workflow-steps.js';

const NO_ACCESS = { table: 'none', rawArchive: 'none', blobs: 'none', cursors: false } as const;
/** Every one of the table's store groups on or off. */
const stores = (on: boolean) => ({ customers: on, workItems: on, reports: on, riskEpisodes: on, blobReferences: on, replayGuard: on, audit: on });
const everyPort = () =>
  createHubDependencies(runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.rawArchiveBucket]: 'raw', [ENV.blobBucket]: 'blobs', AWS_REGION: 'ap-southeast-1' }));

describe('adapter groups of a function', () => {
  it.each([
    ['nothing', NO_ACCESS, { table: false, blobs: false, cursors: false, tenants: false, ...stores(false) }],
    ['a paging reader', { ...NO_ACCESS, table: 'read', cursors: true }, { table: true, blobs: false, cursors: true, tenants: false, ...stores(true) }],
    [
      'an audit log only (create-upload)',
      { ...NO_ACCESS, blobs: 'write', audit: true },
      { table: true, blobs: true, cursors: false, tenants: false, ...stores(false), audit: true },
    ],
    ['a raw archive reader (SES inbound)', { ...NO_ACCESS, rawArchiveRead: 'inbound/' }, { table: false, blobs: true, cursors: false, tenants: false, ...stores(false) }],
    ['an eraser', { ...NO_ACCESS, table: 'readWrite', erase: true }, { table: true, blobs: true, cursors: false, tenants: false, ...stores(true) }],
    ['tenant settings only (get-caller)', { ...NO_ACCESS, tenants: true }, { table: false, blobs: false, cursors: false, tenants: true, ...stores(false) }],
    [
      'a function naming its stores',
      { ...NO_ACCESS, table: 'readWrite', stores: ['customers', 'audit'] },
      { table: true, blobs: false, cursors: false, tenants: false, ...stores(false), customers: true, audit: true },
    ],
    ['a function naming no store', { ...NO_ACCESS, table: 'read', stores: [] }, { table: true, blobs: false, cursors: false, tenants: false, ...stores(false) }],
  ] as const)('follows the access of %s', (_case, access, groups) => {
    // Act / Assess
    expect(adapterGroupsOf(access)).toEqual(groups);
  });

  it('gives esbuild one boolean per group', () => {
    // Act
    const defines = adapterGroupDefines({ ...NO_ACCESS, table: 'read' });

    // Assess
    expect(defines).toEqual({
      COMMHUB_BUNDLES_TABLE: 'true',
      COMMHUB_BUNDLES_BLOBS: 'false',
      COMMHUB_BUNDLES_CURSORS: 'false',
      COMMHUB_BUNDLES_TENANTS: 'false',
      COMMHUB_BUNDLES_CUSTOMERS: 'true',
      COMMHUB_BUNDLES_WORK_ITEMS: 'true',
      COMMHUB_BUNDLES_REPORTS: 'true',
      COMMHUB_BUNDLES_RISK_EPISODES: 'true',
      COMMHUB_BUNDLES_BLOB_REFERENCES: 'true',
      COMMHUB_BUNDLES_REPLAY_GUARD: 'true',
      COMMHUB_BUNDLES_AUDIT: 'true',
    });
  });

  it('gives an audited route the table for its audit log, whatever its access says', () => {
    // Act / Assess: POST /v1/uploads declares table 'none' but appends audit entries
    expect(routeAdapterGroups(routeById('create-upload')).table).toBe(true);
    expect(routeAdapterGroups(routeById('get-caller')).table).toBe(false);
  });
});

describe('ports within a function access', () => {
  it('refuses a port the route did not declare, naming the route and the access it lacks', () => {
    // Prepare
    const deps = everyPort();

    // Act
    const view = portsWithin(deps, routeAdapterGroups(routeById('get-timeline')), 'get-timeline');

    // Assess
    expect(() => view.blobs).toThrow(MissingAdapterError);
    expect(() => view.blobs).toThrow(/^get-timeline uses blobs, but its access allows no blobs adapters \(needs rawArchive or blobs other than 'none', rawArchiveRead, or erase\)/);
    expect(() => view.tenants).toThrow(/needs tenants: true/);
    expect(view.records).toBe(deps.records);
    expect(view.clock).toBe(deps.clock);
  });

  it("refuses the table's stores a route does not name, and gives it those it does (the webhook)", () => {
    // Prepare
    const deps = everyPort();

    // Act
    const view = portsWithin(deps, routeAdapterGroups(routeById('receive-webhook')), 'receive-webhook');

    // Assess
    expect(() => view.reports).toThrow(
      /^receive-webhook uses reports, but its access allows no reports adapters \(needs table other than 'none', and 'reports' in stores if it names them\)/,
    );
    for (const port of ['workItems', 'riskEpisodes', 'audit'] as const) expect(() => view[port]).toThrow(MissingAdapterError);
    expect(view.customers).toBe(deps.customers);
    expect(view.replayGuard).toBe(deps.replayGuard);
    expect(view.records).toBe(deps.records);
  });

  it('leaves every port of a function that may use them all', () => {
    // Prepare
    const deps = everyPort();

    // Act
    const view = portsWithin(deps, adapterGroupsOf({ table: 'readWrite', rawArchive: 'write', blobs: 'readWrite', cursors: true, tenants: true }), 'everything');

    // Assess
    expect(view).toBe(deps);
  });

  it("keeps the workflow ports of a route that starts workflows (they are not the hub's)", () => {
    // Prepare
    const config = runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.modelId]: 'local', AWS_REGION: 'ap-southeast-1' });
    const deps = createWorkflowDependencies(config, createHubDependencies(config));

    // Act
    const view = portsWithin(deps, routeAdapterGroups(routeById('replay-analyses')), 'replay-analyses');

    // Assess
    expect(view.analyzerUsesModel).toBe(false);
    expect(view.analyzer).toBe(deps.analyzer);
    expect(() => view.workflows).toThrow(/COMMHUB_TEXT_WORKFLOW_ARN/);
    expect(() => view.blobs).toThrow(MissingAdapterError);
  });

  it('refuses a workflow port outside the declared groups, naming the function and the declaration it lacks', () => {
    // Prepare
    const config = runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.modelId]: 'local', AWS_REGION: 'ap-southeast-1' });
    const deps = createWorkflowDependencies(config, createHubDependencies(config));

    // Act
    const notify = workflowPortsWithin(deps, STEP_WORKFLOW_PORTS.NotifyUrgentRecord, 'NotifyUrgentRecord');
    const report = workflowPortsWithin(deps, routeWorkflowPorts(routeById('create-report').access), 'create-report');

    // Assess
    expect(notify.mailer).toBe(deps.mailer);
    expect(() => notify.analyzer).toThrow("NotifyUrgentRecord uses analyzer, but its access allows no analysis adapters (needs workflowPorts including 'analysis')");
    expect(() => notify.agents).toThrow("NotifyUrgentRecord uses agents, but its access allows no customerAgents adapters (needs workflowPorts including 'customerAgents')");
    expect(() => notify.reportWriter).toThrow(MissingAdapterError);
    expect(() => notify.events).toThrow(MissingAdapterError);
    expect(() => report.periodicRuns).toThrow(/COMMHUB_PERIODIC_RUN_ARN/);
    expect(() => report.transcriber).toThrow(MissingAdapterError);
    expect(workflowPortDefines(STEP_WORKFLOW_PORTS.NotifyUrgentRecord)).toEqual({
      COMMHUB_BUNDLES_ANALYSIS: 'false',
      COMMHUB_BUNDLES_CUSTOMER_AGENTS: 'false',
      COMMHUB_BUNDLES_REPORT_WRITER: 'false',
      COMMHUB_BUNDLES_TRANSCRIBE: 'false',
      COMMHUB_BUNDLES_STEP_FUNCTIONS: 'false',
      COMMHUB_BUNDLES_EVENTS: 'false',
      COMMHUB_BUNDLES_MAIL: 'true',
    });
  });
});
