import { describe, expect, it } from 'vitest';
import { localBindings } from '../../embedded/workflows/local-bindings.js';
import { WORKFLOW_STEPS } from '../../functions/workflow/workflow-steps.js';
import { STATE_MACHINES, WORKFLOW_STEP_NAMES, definitionText, placeholdersIn, substitute, type StateMachineName } from '../../statemachines/state-machines.js';
import { BUILD_TIMEOUT_MS, synthCommHub } from '../infra/synth-commhub.js';

const NAMES = Object.keys(STATE_MACHINES) as StateMachineName[];

interface State {
  Type: string;
  Comment?: string;
  Choices?: unknown[];
}

describe('state machine definitions (statemachines/*.asl.json)', () => {
  it.each(NAMES)('%s: every state has a Comment and every Choice is named as a question', (name) => {
    const definition = JSON.parse(definitionText(name)) as { Comment?: string; States: Record<string, State> };
    expect(definition.Comment).toBeTruthy();
    for (const [stateName, state] of Object.entries(definition.States)) {
      expect(state.Comment, stateName).toBeTruthy();
      if (state.Type === 'Choice') expect(stateName).toMatch(/\?$/);
    }
  });

  it.each(NAMES)('%s: every ${X} is bound in embedded mode, and to a handler that exists', (name) => {
    const text = definitionText(name);
    expect(() => substitute(text, localBindings())).not.toThrow();
    for (const step of WORKFLOW_STEP_NAMES) expect(typeof WORKFLOW_STEPS[step]).toBe('function');
    expect(placeholdersIn(substitute(text, localBindings()))).toEqual([]);
  });

  it('fails naming the placeholder a runtime leaves unbound', () => {
    expect(() => substitute('{"Resource":"${Nope}"}', {})).toThrow(/unbound state machine placeholders: Nope/);
  });

  it('every ${X} is bound in the CDK template (definition substitutions), and the text workflow is Express', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const { template } = synthCommHub();

    // Act
    const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as {
      Properties: { DefinitionString: unknown; DefinitionSubstitutions?: Record<string, unknown>; StateMachineType?: string };
    }[];

    // Assess
    expect(machines).toHaveLength(NAMES.length);
    for (const name of NAMES) {
      const text = definitionText(name);
      const machine = machines.find((m) => JSON.stringify(m.Properties.DefinitionString).includes(JSON.stringify(JSON.parse(text).Comment).slice(1, 40)));
      expect(machine, name).toBeDefined();
      expect(Object.keys(machine!.Properties.DefinitionSubstitutions ?? {}).sort()).toEqual(placeholdersIn(text).sort());
      expect(machine!.Properties.StateMachineType ?? 'STANDARD').toBe(STATE_MACHINES[name].type);
    }
  });
});
