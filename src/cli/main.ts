#!/usr/bin/env node
/** The `dbxsync` executable: wires the real process into run(). */
import { createInterface } from 'node:readline/promises';
import { outputOf, type CommandIO } from './io.js';
import { run } from './run.js';

const io: CommandIO = {
  stdout: outputOf(process.stdout),
  stderr: outputOf(process.stderr),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  async confirm(question: string): Promise<boolean> {
    if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  },
};

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dbxsync: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
