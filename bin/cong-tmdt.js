#!/usr/bin/env node
// The CLI as an installed command: runs src/cli.ts through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
