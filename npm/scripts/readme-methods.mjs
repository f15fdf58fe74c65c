// Puts the generated method table (pkg/METHODS.md, written by wecom-codegen from the endpoint
// declarations) into README.md between `<!-- methods:begin -->` and `<!-- methods:end -->`.
//   node npm/scripts/readme-methods.mjs           rewrite README.md
//   node npm/scripts/readme-methods.mjs --check   exit 1 when README.md's table is stale (test.sh)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BEGIN = '<!-- methods:begin (generated from the declarations: node npm/scripts/readme-methods.mjs) -->\n';
const END = '<!-- methods:end -->';

const readme = readFileSync(`${root}README.md`, 'utf8');
const table = readFileSync(`${root}pkg/METHODS.md`, 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error('README.md has no method-table markers');
  process.exit(1);
}
const next = readme.slice(0, start + BEGIN.length) + table + readme.slice(end);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md\'s method table is stale: node npm/scripts/readme-methods.mjs');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(`${root}README.md`, next);
  console.log('README.md: method table updated');
}
