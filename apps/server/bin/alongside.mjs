#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx alongside` works in a fresh clone without a build.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
// A failed command must not linger on an open handle (a half-started server, a pool).
if (process.exitCode) process.exit();
