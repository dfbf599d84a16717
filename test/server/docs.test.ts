// The developer documentation at /docs: every element of the manifest has its page, and the page says
// everything the manifest says about it, under the demo pages' Content-Security-Policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  buildDocs,
  describedKeys,
  elementDeclarations,
  EXAMPLES,
  renderElement,
  type ElementDoc,
  type Manifest,
} from '../../scripts/build-docs.js';
import { PAGE_CSP } from '../../src/server/http/security.js';
import { openTestApp, type TestApp } from './helpers.js';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as Manifest;
const elements = elementDeclarations(manifest).map(({ declaration }) => declaration);

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The HTML of the section under `<h2 id="…">`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<h2 id="${id}">`);
  assert.ok(start >= 0, `the page has a "${id}" section`);
  const rest = page.slice(start + 1);
  return rest.slice(0, rest.search(/<h2 |<\/main>/));
}

/** What the row headers of a section's tables say: one name per row. */
function rowNames(html: string): string[] {
  return [...html.matchAll(/<th scope="row">(.*?)<\/th>/gs)].map(([, cell]) => decode(cell));
}

describe('/docs', () => {
  let t: TestApp;
  const pages = new Map<string, string>();

  before(async () => {
    t = await openTestApp();
    // The app serves the docs built beside its widgets, as `npm run build` leaves them in dist/.
    await buildDocs(join(dirname(t.widgetsDir), 'docs'));
    for (const { tagName } of elements) {
      const response = await t.app.request(`/docs/${tagName}`);
      assert.equal(response.status, 200, `/docs/${tagName}`);
      pages.set(tagName!, await response.text());
    }
  });
  after(() => t.dispose());

  test('the index links the page of every element of the manifest', async () => {
    const response = await t.app.request('/docs');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type')!, /^text\/html/);
    const index = await response.text();
    assert.ok(elements.length >= 4);
    for (const { tagName, summary } of elements) {
      assert.ok(index.includes(`<a href="/docs/${tagName}">`), `the index links /docs/${tagName}`);
      assert.ok(decode(index).includes(summary!.replace(/`/g, '')), `the index gives ${tagName}'s summary`);
    }
  });

  test('each page names its element and gives its summary and description', () => {
    for (const element of elements) {
      const page = pages.get(element.tagName!)!;
      assert.match(page, new RegExp(`<h1><code>&#60;${element.tagName}&#62;</code></h1>`));
      const text = decode(page).replace(/\s+/g, ' ');
      const firstSentence = element.description!.replace(/\s+/g, ' ').split('. ')[0].replace(/`/g, '');
      assert.ok(text.includes(firstSentence), `${element.tagName}: "${firstSentence}"`);
    }
  });

  test('each page lists every attribute, public property, slot, part and CSS custom property of the manifest', () => {
    for (const element of elements) {
      const page = pages.get(element.tagName!)!;
      const attributes = rowNames(section(page, 'attributes'));
      assert.deepEqual(
        attributes,
        element.attributes!.map(({ name }) => name),
        `${element.tagName} attributes`,
      );
      const properties = rowNames(section(page, 'properties'));
      for (const member of element.members!) {
        const shown = properties.some((row) => row === member.name || row.startsWith(`${member.name}(`));
        const documented =
          !member.name.startsWith('_') &&
          !member.static &&
          !member.inheritedFrom &&
          !member.privacy?.match(/private|protected/);
        assert.equal(shown, documented, `${element.tagName} ${member.kind} ${member.name}`);
      }
      const slots = rowNames(section(page, 'slots'));
      assert.deepEqual(
        slots,
        element.slots!.map(({ name }) => name || '(default)'),
        `${element.tagName} slots`,
      );
      const parts = rowNames(section(page, 'parts'));
      assert.deepEqual(
        parts,
        element.cssParts!.map(({ name }) => name),
        `${element.tagName} parts`,
      );
      const cssProperties = rowNames(section(page, 'css-properties'));
      assert.deepEqual(
        cssProperties,
        element.cssProperties!.map(({ name }) => name),
        `${element.tagName} CSS properties`,
      );
    }
  });

  test('each page lists every event with the fields of its detail', () => {
    for (const element of elements) {
      const events = section(pages.get(element.tagName!)!, 'events');
      assert.deepEqual(
        rowNames(events),
        element.events!.map(({ name }) => name),
        `${element.tagName} events`,
      );
      for (const event of element.events!) {
        const row = [...events.matchAll(/<tr>(.*?)<\/tr>/gs)]
          .map(([, cells]) => cells)
          .find((cells) => cells.includes(`<code>${event.name}</code></th>`))!;
        const detail = /<pre><code>(.*?)<\/code><\/pre>/s.exec(row);
        assert.ok(detail, `${element.tagName} ${event.name} has a detail type`);
        const keys = describedKeys(event.description!);
        assert.ok(keys && keys.size > 0, `${event.name}'s description lists its detail`);
        for (const key of keys) {
          assert.match(
            decode(detail[1]),
            new RegExp(`^ {2}${key}\\??: \\S`, 'm'),
            `${element.tagName} ${event.name}.detail.${key}`,
          );
        }
      }
    }
  });

  test('the poll’s events say what their detail holds, typed', () => {
    const events = decode(section(pages.get('parvis-poll')!, 'events'));
    assert.match(events, /pollId: string;\s+choices: string\[\];\s+\}/);
    assert.match(events, /pollId: string;\s+choices: string\[\];\s+poll: Poll;/);
    assert.doesNotMatch(events, /subject\??:/, 'the poll’s parvis-voted is not the vote button’s');
    const vote = decode(section(pages.get('parvis-vote')!, 'events'));
    assert.match(vote, /mode: 'support' \| 'updown' \| 'helpful';/);
  });

  test('each page runs live examples of its element on the demo data, with parvis.js and an event log', () => {
    for (const element of elements) {
      const page = pages.get(element.tagName!)!;
      const examples = EXAMPLES[element.tagName!];
      assert.ok(examples?.length, `${element.tagName} has examples`);
      const live = section(page, 'examples');
      for (const example of examples) {
        assert.ok(live.includes(example.html), `the example runs: ${example.title}`);
        assert.ok(example.html.startsWith(`<${element.tagName}`));
      }
      assert.match(page, /<script type="module" src="\/parvis.js"><\/script>/);
      assert.match(page, /<script type="module" src="\/docs\/assets\/event-log.js"><\/script>/);
      assert.match(live, new RegExp(`data-event-log="${element.events!.map(({ name }) => name).join(' ')}"`));
    }
  });

  test('the pages carry the demo pages’ Content-Security-Policy, with no inline script or style', async () => {
    for (const path of ['/docs', ...elements.map(({ tagName }) => `/docs/${tagName}`)]) {
      const response = await t.app.request(path);
      assert.equal(response.headers.get('Content-Security-Policy'), PAGE_CSP, path);
      assert.equal(response.headers.get('X-Frame-Options'), 'SAMEORIGIN');
      const page = await response.text();
      assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: every script is a file`);
      assert.doesNotMatch(page, /<style|\sstyle=/, `${path}: no inline style`);
      assert.doesNotMatch(page, /\son[a-z]+=/, `${path}: no event handler attribute`);
      assert.match(page, /^<!doctype html>\n<html lang="en">/);
    }
  });

  test('the stylesheet, the event log and the manifest are served; unknown pages are not', async () => {
    const css = await t.app.request('/docs/assets/docs.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('Content-Type')!, /^text\/css/);
    const script = await t.app.request('/docs/assets/event-log.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('Content-Type')!, /^text\/javascript/);
    const json = await t.app.request('/docs/custom-elements.json');
    assert.deepEqual(await json.json(), manifest);
    for (const path of [
      '/docs/parvis-nothing',
      '/docs/../package.json',
      '/docs/assets/secret.txt',
      '/docs/index.html',
    ]) {
      assert.equal((await t.app.request(path)).status, 404, path);
    }
    assert.equal((await t.app.request('/docs/parvis-poll/')).headers.get('Location'), '/docs/parvis-poll');
    assert.equal((await t.app.request('/docs/')).headers.get('Location'), '/docs');
  });

  test('a page the browser holds is answered 304', async () => {
    const first = await t.app.request('/docs/parvis-poll');
    const etag = first.headers.get('ETag')!;
    const again = await t.app.request('/docs/parvis-poll', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  test('the CMS guide names every attribute a filter must let through, for every element', () => {
    const guide = readFileSync(new URL('../../docs/cms.md', import.meta.url), 'utf8');
    const rows = Object.fromEntries(
      [...guide.matchAll(/^\| `<(parvis-[a-z-]+)>` +\| (.+?) +\|$/gm)].map(([, tag, cell]) => [
        tag,
        [...cell.matchAll(/`([a-z-]+)`/g)].map(([, name]) => name).sort(),
      ]),
    );
    const expected = Object.fromEntries(
      elements.map(({ tagName, attributes }) => [tagName, attributes!.map(({ name }) => name).sort()]),
    );
    assert.deepEqual(rows, expected);
  });

  test('text from the manifest is written as text', () => {
    const hostile: ElementDoc = {
      tag: 'parvis-poll',
      className: 'ParvisPoll',
      modulePath: 'src/elements/poll/poll.ts',
      summary: '<img src=x onerror=alert(1)>',
      description: 'A "quoted" <script>alert(1)</script> & `<b>code</b>`.',
      attributes: [{ name: 'x"><svg onload=alert(1)>', property: null, default: null, description: '<i>' }],
      properties: [],
      methods: [],
      events: [{ name: 'parvis-x', description: '</td><script>', detail: '{ a: Array<string> }' }],
      slots: [],
      parts: [{ name: '<p>', description: '' }],
      cssProperties: [],
      examples: [],
    };
    const page = renderElement(hostile, [hostile]);
    assert.doesNotMatch(page, /<img|<script>|<svg|<b>|<i>|<\/td><script>/);
    assert.ok(page.includes('<th scope="row"><code>&#60;p&#62;</code></th>'));
    assert.ok(page.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(page.includes('<code>&#60;b&#62;code&#60;/b&#62;</code>'));
    assert.ok(page.includes('{ a: Array&#60;string&#62; }'));
  });
});
