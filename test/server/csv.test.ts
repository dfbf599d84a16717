import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csv } from '../../src/server/services/csv.js';

test('writes RFC 4180: CRLF after every row, quotes doubled inside quoted fields', () => {
  assert.equal(
    csv([
      ['a', 'b'],
      ['Il a dit "oui", puis non', 'deux\nlignes'],
    ]),
    'a,b\r\n"Il a dit ""oui"", puis non","deux\nlignes"\r\n',
  );
});

test('makes text that a spreadsheet would run as a formula inert, and leaves other text alone', () => {
  const cells = [
    '=1+1',
    '+33 6 12 34 56 78',
    '-1 place',
    '@mairie',
    '\t=1',
    '\rx',
    ' =1',
    '\u200B@x',
    'a=1',
    'x-1',
    '',
  ];
  assert.equal(csv([cells]), `'=1+1,'+33 6 12 34 56 78,'-1 place,'@mairie,'\t=1,"'\rx",' =1,'\u200B@x,a=1,x-1,\r\n`);
});

test('writes numbers, booleans and ids the server made as they are, and null as an empty cell', () => {
  assert.equal(csv([[-1, 0.3333, true, null, { verbatim: '-Xy_9' }]]), '-1,0.3333,true,,-Xy_9\r\n');
});
