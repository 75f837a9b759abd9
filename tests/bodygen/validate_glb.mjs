// Runs the Khronos glTF validator (npm package gltf-validator) on a .glb and prints its report.
// Exit 0: no errors; 1: errors; 77: the validator is not installed (the test is skipped).
// Usage: node validate_glb.mjs FILE.glb NODE_MODULES_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [file, modules] = process.argv.slice(2);
let validator;
try {
  validator = createRequire(path.join(path.resolve(modules), 'noop.js'))('gltf-validator');
} catch (e) {
  console.log(`MYOMAP_SKIP: gltf-validator is not installed in ${modules} (third_party/setup.sh test installs it)`);
  process.exit(77);
}
const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), { maxIssues: 500 });
const issues = report.issues;
console.log(`${file}: ${issues.numErrors} errors, ${issues.numWarnings} warnings, ${issues.numInfos} infos, ${issues.numHints} hints`);
for (const m of issues.messages.slice(0, 60)) {
  const severity = ['error', 'warning', 'info', 'hint'][m.severity] ?? m.severity;
  console.log(`  ${severity} ${m.code} at ${m.pointer ?? ''}: ${m.message}`);
}
process.exit(issues.numErrors > 0 ? 1 : 0);
