import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { RecordStore } from '../../functions/core/ports/record-store.js';
import { analyzeRecord, RecordNotFoundError } from '../../functions/core/workflow/analyze-record.js';
import { followUpTaskId } from '../../functions/core/workflow/follow-up-tasks.js';
import { urgentAlertId } from '../../functions/core/workflow/urgent-alert.js';
import type { WorkflowDependencies } from '../../functions/workflow/workflow-steps.js';
import { startTestHub } from '../support/test-hub.js';
import { postCommunication, putCustomerWithOwner, TENANT } from './workflow-kit.js';

describe('a record deleted while its analysis runs', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Workflows are run by the test itself, at the moment it chooses.
    hub = await startTestHub({ workflows: false });
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub?.close());

  it('leaves none of the tasks and the alert that run created, and ends as RecordNotFound', async () => {
    // Prepare: an urgent message, deleted right before the analysis is written back
    const recordId = await postCommunication(hub, { content: '第二批货到现在还没到，我们产线明天早上就要停线了，今天必须给个答复！' });
    const records = hub.workflows.deps.records;
    const deletedMeanwhile: RecordStore = Object.create(records, {
      saveAnalysis: {
        value: async (...args: Parameters<RecordStore['saveAnalysis']>) => {
          await records.eraseRecord(TENANT, recordId, { erasedAt: new Date().toISOString(), reason: 'privacy' });
          return records.saveAnalysis(...args);
        },
      },
    });
    const deps: WorkflowDependencies = Object.create(hub.workflows.deps, { records: { value: deletedMeanwhile } });

    // Act
    const failed = await analyzeRecord(deps, { tenantId: TENANT, recordId }).catch((error: Error) => error);

    // Assess
    expect(failed).toBeInstanceOf(RecordNotFoundError);
    expect(await hub.deps.workItems.getTask(TENANT, followUpTaskId(recordId, 0))).toBeNull();
    expect(await hub.deps.workItems.getInsight(TENANT, urgentAlertId(recordId))).toBeNull();
    expect((await hub.deps.workItems.listTasksByCustomer(TENANT, 'C001', { limit: 10 })).items).toEqual([]);
  });
});
