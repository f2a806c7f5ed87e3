#!/usr/bin/env node
// The `switchboard` command when installed as a package: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
