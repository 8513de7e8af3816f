#!/usr/bin/env node
/** The `dbxsync` executable: wires the real process into run(). */
import { createInterface } from 'node:readline/promises';
import { processInterrupts } from './interrupts.js';
import { outputOf, type CommandIO } from './io.js';
import { run } from './run.js';
import { Redactor } from '../text/redact.js';

const redactor = new Redactor();
const stderr = outputOf(process.stderr, redactor);
const interrupts = processInterrupts(stderr);
const io: CommandIO = {
  stdout: outputOf(process.stdout, redactor),
  redactor,
  stderr,
  interrupts,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  async confirm(question: string): Promise<boolean> {
    if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      // Terraform's rule: changes to a live team need the word typed out, not a reflex "y".
      const answer = await rl.question(`${question}\n  Only 'yes' will be accepted to approve.\n  Enter a value: `);
      return answer.trim() === 'yes';
    } finally {
      rl.close();
    }
  },
};

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
    // Interrupted: calls abandoned after the stop grace must not keep the process alive.
    if (interrupts.interrupted) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`dbxsync: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
