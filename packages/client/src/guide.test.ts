import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const GUIDE = fs.readFileSync(new URL('../../../docs/client-sdk.md', import.meta.url), 'utf8');
const CHECKED = fs.readFileSync(new URL('../../../examples/client-sdk/guide.ts', import.meta.url), 'utf8');

test('every TypeScript block of docs/client-sdk.md is type-checked code of examples/client-sdk/guide.ts, word for word', () => {
  const blocks = [...GUIDE.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
  assert.ok(blocks.length >= 10, `only ${blocks.length} blocks found`);
  for (const block of blocks) {
    // The import stands at the top of the file; every other block is the body of a function there.
    const asBody = block
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n');
    assert.ok(CHECKED.includes(`${block}\n`) || CHECKED.includes(`{\n${asBody}\n}\n`), `not in guide.ts:\n${block}`);
  }
});
