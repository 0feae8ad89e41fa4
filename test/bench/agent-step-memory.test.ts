import { describe, expect, it } from 'vitest';
import { agentStepMemory } from '../../bench/agent-step-memory.js';
import { AGENT_STEP_MEMORY_MB } from '../../lib/function-memory.js';
import { fallingInput, steadyInput } from '../agents/agent-kit.js';

describe('the agent step memory probe (bench:cost)', () => {
  it('runs the step’s own bundle through Bedrock’s path for every call, within the memory the step deploys with', async () => {
    // Prepare
    const inputs = [fallingInput('en'), fallingInput('zh'), steadyInput('en')];

    // Act
    const probe = await agentStepMemory(inputs);

    // Assess: every call answered by the stand-in model, none by the local fallback.
    expect(probe.calls).toBe(inputs.length * 4);
    expect(probe.modelAnswers).toBe(probe.calls);
    expect(probe.fallbackReasons).toEqual([]);
    expect(probe.peakRssMb).toBeGreaterThan(probe.heapAfterGcMb);
    expect(probe.peakRssMb).toBeLessThan(AGENT_STEP_MEMORY_MB);
  }, 60_000);
});
