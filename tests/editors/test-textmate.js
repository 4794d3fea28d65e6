// tests/editors/test-textmate.js - grammar/editors/hclc.tmLanguage.json run
// by vscode-textmate + vscode-oniguruma (the engine VS Code uses) over the
// samples and tests/editors/sample.hcl. For each file it checks that:
//   - every $< and %< that hclc lexes as an interpolation or directive
//     opener (hclc debug tokens) carries the begin scope, its '>' the end
//     scope, and the text between them the meta.interpolation/directive scope;
//   - no other text gets those scopes ($$<, %%< and ${...} stay string text);
//   - no token other than white space is left with only the root scope.
// Prints "ok NAME" / "not ok NAME" lines (tests/run-tests.sh counts them).
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const vsctm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const root = path.resolve(__dirname, '../..');
const hclc = process.env.HCLC || path.join(root, 'hclc');
const grammarPath = path.join(root, 'grammar/editors/hclc.tmLanguage.json');

function hclFiles() {
  const out = [path.join(root, 'tests/editors/sample.hcl')];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.hcl')) out.push(p);
    }
  };
  walk(path.join(root, 'samples'));
  return out;
}

// Template markers as hclc lexes them: [{kind, line, col}] (1-based, code points).
function markers(file) {
  const text = cp.execFileSync(hclc, ['debug', 'tokens', file], { encoding: 'utf8' });
  const out = [];
  for (const l of text.split('\n')) {
    const m = /^(\d+):(\d+)-\d+:\d+ (INTERP_OPEN|DIRECTIVE_OPEN|TEMPLATE_CLOSE)\b/.exec(l);
    if (m) out.push({ kind: m[3], line: +m[1], col: +m[2] });
  }
  return out;
}

// UTF-16 index of code point column `col` (1-based) of `line`.
function utf16(line, col) {
  let i = 0;
  for (let c = 1; c < col && i < line.length; c++) i += line.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

function tokenize(grammar, lines) {
  let stack = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
}

function scopesAt(tokens, lineIdx, index) {
  for (const t of tokens[lineIdx] || [])
    if (index >= t.startIndex && index < t.endIndex) return t.scopes;
  return [];
}

function checkFile(grammar, file) {
  const problems = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const tokens = tokenize(grammar, lines);
  const stack = [];
  let opens = 0;
  for (const m of markers(file)) {
    const li = m.line - 1;
    const at = utf16(lines[li], m.col);
    const scopes = scopesAt(tokens, li, at);
    const where = `${m.line}:${m.col}`;
    if (m.kind === 'TEMPLATE_CLOSE') {
      const kind = stack.pop() || 'interpolation';
      if (!scopes.includes(`punctuation.section.${kind}.end.hclc`))
        problems.push(`${where}: '>' of a ${kind} has scopes ${scopes.join(' ')}`);
      continue;
    }
    const kind = m.kind === 'INTERP_OPEN' ? 'interpolation' : 'directive';
    stack.push(kind);
    opens++;
    if (!scopes.includes(`punctuation.section.${kind}.begin.hclc`))
      problems.push(`${where}: ${kind} opener has scopes ${scopes.join(' ')}`);
    const inside = scopesAt(tokens, li, at + (lines[li][at + 2] === '~' ? 3 : 2));
    if (!inside.includes(`meta.${kind}.hclc`))
      problems.push(`${where}: the inside of a ${kind} has scopes ${inside.join(' ')}`);
  }
  let begins = 0;
  tokens.forEach((line, li) => {
    for (const t of line) {
      const text = lines[li].slice(t.startIndex, t.endIndex);
      if (t.scopes.some((s) => /^punctuation\.section\.(interpolation|directive)\.begin/.test(s))) begins++;
      if (t.scopes.length === 1 && text.trim() !== '')
        problems.push(`${li + 1}:${t.startIndex + 1}: "${text}" has no scope`);
    }
  });
  if (begins !== opens)
    problems.push(`${begins} interpolation or directive openers coloured, hclc lexes ${opens}`);
  return problems;
}

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.hclc'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar('source.hclc');
  let failed = 0;
  for (const file of hclFiles()) {
    const name = `textmate ${path.relative(root, file)}`;
    const problems = checkFile(grammar, file);
    if (problems.length === 0) {
      console.log(`ok ${name}`);
    } else {
      failed++;
      console.log(`not ok ${name}`);
      for (const p of problems.slice(0, 10)) console.log(`    ${p}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.log(`not ok textmate (${e.message})`);
  process.exitCode = 1;
});
