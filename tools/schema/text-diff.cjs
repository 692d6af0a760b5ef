// @ts-check
'use strict';

/** A line diff in the unified style (`-` expected, `+` actual, a few lines of context). Pure. */

/**
 * The edit script between two lists of lines, from their longest common subsequence.
 * @param {string[]} a
 * @param {string[]} b
 * @returns {{ op: ' ' | '-' | '+', line: string }[]}
 */
function diffLines(a, b) {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  /** @type {{ op: ' ' | '-' | '+', line: string }[]} */
  const edits = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      edits.push({ op: ' ', line: a[i++] });
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      edits.push({ op: '-', line: a[i++] });
    } else {
      edits.push({ op: '+', line: b[j++] });
    }
  }
  while (i < n) edits.push({ op: '-', line: a[i++] });
  while (j < m) edits.push({ op: '+', line: b[j++] });
  return edits;
}

/**
 * Unified-style hunks; '' when the texts are equal.
 * @param {string} expected
 * @param {string} actual
 * @param {{ expectedName?: string, actualName?: string, context?: number }} [options]
 */
function unifiedDiff(expected, actual, options = {}) {
  if (expected === actual) return '';
  const { expectedName = 'expected', actualName = 'actual', context = 3 } = options;
  const edits = diffLines(linesOf(expected), linesOf(actual));
  const changed = edits.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out = [`--- ${expectedName}`, `+++ ${actualName}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = Math.min(edits.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= end) {
      k++;
      end = Math.min(edits.length, changed[k] + context + 1);
    }
    const before = edits.slice(0, start);
    const aLine = before.filter((e) => e.op !== '+').length + 1;
    const bLine = before.filter((e) => e.op !== '-').length + 1;
    const hunk = edits.slice(start, end);
    out.push(
      `@@ -${aLine},${hunk.filter((e) => e.op !== '+').length} +${bLine},${hunk.filter((e) => e.op !== '-').length} @@`,
    );
    for (const edit of hunk) out.push(`${edit.op}${edit.line}`);
    k++;
  }
  return `${out.join('\n')}\n`;
}

/**
 * Lines of a text; its final newline ends the last line rather than starting an empty one.
 * @param {string} text
 */
function linesOf(text) {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

module.exports = { diffLines, unifiedDiff };
