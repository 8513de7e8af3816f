import type { Command } from '../command.js';
import { applyCommand } from './apply.js';
import { commentCommand } from './comment.js';
import { demoCommand } from './demo.js';
import { dumpCommand } from './dump.js';
import { explainCommand } from './explain.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { planCommand } from './plan.js';
import { reconcileCommand } from './reconcile.js';
import { sandboxCommand } from './sandbox.js';
import { validateCommand } from './validate.js';

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  planCommand,
  applyCommand,
  reconcileCommand,
  importCommand,
  explainCommand,
  dumpCommand,
  initCommand,
  commentCommand,
  sandboxCommand,
  demoCommand,
];
