/** Small accessors for asserting on plans in the planner's tests. */
import type { Test } from 'tap';
import type { Action, ActionKind, Plan, PlannedAction } from '../../src/domain/plan.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import type { PlanInputData, TeamBuilder } from '../helpers/builders.js';

export function actionsOf<K extends ActionKind>(plan: Plan, kind: K): Extract<Action, { kind: K }>[] {
  return plan.actions.filter((a): a is Extract<PlannedAction, { kind: K }> => a.kind === kind);
}

export function kinds(plan: Plan): string[] {
  return plan.actions.map((a) => a.kind);
}

/** Plans a builder (or built input). */
export function plan(input: TeamBuilder | PlanInputData): Plan {
  return planDropboxChanges('build' in input ? input.build() : input);
}

/** A table case: a plain-English name, the team, and what must hold of its plan. */
export interface Case {
  readonly name: string;
  readonly team: () => TeamBuilder;
  readonly expect: (t: Test, plan: Plan) => void;
}

/** Runs table cases, one subtest each. */
export function runCases(t: Test, cases: readonly Case[]): void {
  for (const c of cases) {
    t.test(c.name, async (t) => {
      c.expect(t, plan(c.team()));
    });
  }
}
