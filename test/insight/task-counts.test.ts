import { describe, expect, it } from 'vitest';
import { taskCounts } from '../../functions/core/insight/task-counts.js';
import { AS_OF, aTask, daysAgo } from './record-builder.js';

describe('taskCounts', () => {
  it('counts open and in-progress tasks, and those of them due before asOf', () => {
    // Prepare
    const tasks = [
      aTask('open', daysAgo(2)),
      aTask('in_progress', daysAgo(0.5)),
      aTask('open', daysAgo(-3)),
      aTask('open', AS_OF.toISOString()),
      aTask('done', daysAgo(10)),
      aTask('cancelled', daysAgo(10)),
    ];

    // Act
    const counts = taskCounts(tasks, AS_OF);

    // Assess: the task due exactly at asOf is not overdue yet.
    expect(counts).toEqual({ open: 4, overdue: 2 });
  });

  it('is zero without tasks', () => {
    expect(taskCounts([], AS_OF)).toEqual({ open: 0, overdue: 0 });
  });
});
