/** The docs pages as HTML: no inline script or style, every text escaped. */
import type { ElementDoc, EventDoc, Named } from './manifest.js';

// ---------------------------------------------------------------------------
// Writing HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSDoc prose: escaped, with its `code spans`; a blank line starts a paragraph. */
function prose(text: string): string {
  return escapeHtml(text.replace(/\s*\n\s*/g, ' ')).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${prose(paragraph)}</p>`)
    .join('\n');
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

interface Column<T> {
  title: string;
  cell: (row: T) => string;
}

/**
 * A table with its caption; the first column names the row. On a narrow screen the table scrolls sideways
 * rather than breaking its code into letters: its frame is a named region that keyboards can scroll.
 */
function table<T>(id: string, caption: string, columns: Column<T>[], rows: T[]): string {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column.title)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns
          .map((column, index) =>
            index === 0 ? `<th scope="row">${column.cell(row)}</th>` : `<td>${column.cell(row)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table" role="region" tabindex="0" aria-labelledby="${id}-caption">\n<table>\n<caption id="${id}-caption">${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

function layout(options: {
  title: string;
  current: string | null;
  elements: ElementDoc[];
  main: string;
  scripts: string[];
}): string {
  const nav = options.elements
    .map(
      ({ tag }) =>
        `<li><a href="/docs/${tag}"${options.current === tag ? ' aria-current="page"' : ''}>${code(`<${tag}>`)}</a></li>`,
    )
    .join('\n');
  const scripts = options.scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/docs/assets/docs.css">
${scripts}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<p class="site-name"><a href="/docs"${options.current === null ? ' aria-current="page"' : ''}>Parvis for developers</a></p>
<nav aria-label="Elements">
<ul>
${nav}
</ul>
</nav>
</header>
<main id="content">
${options.main}
</main>
<footer class="site-footer">
<p>Written from <a href="/docs/custom-elements.json"><code>custom-elements.json</code></a>, the manifest collected from the elements’ source. The API is described by <a href="/v1/openapi.json">its OpenAPI document</a>.</p>
</footer>
</body>
</html>
`;
}

export function renderElement(element: ElementDoc, elements: ElementDoc[]): string {
  const title = `<${element.tag}>`;
  const contents: Array<[string, string, string]> = [];
  const add = (id: string, heading: string, content: string) => contents.push([id, heading, content]);

  if (element.examples.length > 0) {
    const examples = element.examples
      .map(
        (example, index) => `<section class="example" aria-labelledby="example-${index + 1}">
<h3 id="example-${index + 1}">${escapeHtml(example.title)}</h3>
<p>${prose(example.text)}</p>
<div class="example-live" lang="fr">
${example.html}
</div>
<pre class="example-code"><code>${escapeHtml(example.html)}</code></pre>
</section>`,
      )
      .join('\n');
    const names = element.events.map((event) => event.name).join(' ');
    add(
      'examples',
      'Live examples',
      `<p>The element running against this server’s demo data, as a webmaster pastes it after <code>&lt;script type="module" src="/parvis.js"&gt;&lt;/script&gt;</code>. The demo data is in French, and so are the widgets here (<code>lang="fr"</code> on their container). What you do is recorded in the demo database.</p>
${examples}
<section class="event-log" aria-labelledby="event-log-heading">
<h3 id="event-log-heading">Events fired by the examples</h3>
<p data-event-log-empty>None yet: take part in an example above, and its events show here, newest first.</p>
<div role="log" aria-labelledby="event-log-heading">
<ol data-event-log="${escapeHtml(names)}"></ol>
</div>
</section>`,
    );
  }

  add(
    'attributes',
    'Attributes',
    element.attributes.length
      ? table(
          'attributes-table',
          `Attributes of <${element.tag}>`,
          [
            { title: 'Attribute', cell: (row) => code(row.name) },
            { title: 'Property', cell: (row) => (row.property ? code(row.property) : '—') },
            { title: 'Default', cell: (row) => (row.default ? code(row.default) : '—') },
            { title: 'Description', cell: (row) => prose(row.description) },
          ],
          element.attributes,
        )
      : '<p>None.</p>',
  );

  const properties = element.properties.length
    ? table(
        'properties-table',
        `Properties of <${element.tag}>`,
        [
          { title: 'Property', cell: (row) => code(row.name) },
          { title: 'Type', cell: (row) => code(row.type) },
          {
            title: 'Default',
            cell: (row) => (row.readonly ? 'read-only' : row.default ? code(row.default) : '—'),
          },
          {
            title: 'Description',
            cell: (row) =>
              prose(row.description) + (row.attribute ? ` Attribute: ${code(row.attribute)}.` : ' No attribute.'),
          },
        ],
        element.properties,
      )
    : '<p>None.</p>';
  const methods = element.methods.length
    ? table(
        'methods-table',
        `Methods of <${element.tag}>`,
        [
          { title: 'Method', cell: (row) => code(row.signature) },
          { title: 'Description', cell: (row) => prose(row.description) },
        ],
        element.methods,
      )
    : '';
  add('properties', 'Properties and methods', properties + '\n' + methods);

  add(
    'events',
    'Events',
    `<p>Every event bubbles and crosses shadow roots (<code>composed</code>), so a listener on <code>document</code> hears them all. None fires for a change made in code.</p>
${table(
  'events-table',
  `Events of <${element.tag}>`,
  [
    { title: 'Event', cell: (row: EventDoc) => code(row.name) },
    { title: 'Description', cell: (row: EventDoc) => prose(row.description) },
    {
      title: 'detail',
      cell: (row: EventDoc) => (row.detail ? `<pre><code>${escapeHtml(row.detail)}</code></pre>` : '—'),
    },
  ],
  element.events,
)}
<p><code>Poll</code>, <code>SubjectVotes</code>, <code>Idea</code> and <code>Budget</code> are the objects of the API, as the <a href="/v1/openapi.json">OpenAPI document</a> describes them; <code>ErrorCode</code> is one of its error codes; <code>Operation</code> names the operation that failed (<code>getPoll</code>, <code>castPollVote</code>, …, as in the contract); <code>error</code> is a <code>ParvisError</code>, an <code>Error</code> with the same <code>code</code> and <code>status</code>.</p>`,
  );

  add(
    'slots',
    'Slots',
    element.slots.length
      ? table(
          'slots-table',
          `Slots of <${element.tag}>`,
          [
            { title: 'Slot', cell: (row: Named) => (row.name ? code(row.name) : '(default)') },
            { title: 'Description', cell: (row: Named) => prose(row.description ?? '') },
          ],
          element.slots,
        )
      : '<p>None.</p>',
  );

  add(
    'parts',
    'CSS parts',
    `<p>Style the inside of the widget from the page with <code>${escapeHtml(element.tag)}::part(name)</code>.</p>
${table(
  'parts-table',
  `CSS parts of <${element.tag}>`,
  [
    { title: 'Part', cell: (row: Named) => code(row.name) },
    { title: 'Description', cell: (row: Named) => prose(row.description ?? '') },
  ],
  element.parts,
)}`,
  );

  add(
    'css-properties',
    'CSS custom properties',
    `<p>Set them on the element or any ancestor. Each falls back to a system token (<code>--parvis-color-primary</code>, …) that a site sets once on <code>:root</code>.</p>
${table(
  'css-properties-table',
  `CSS custom properties of <${element.tag}>`,
  [
    { title: 'Property', cell: (row: Named) => code(row.name) },
    { title: 'Description', cell: (row: Named) => prose(row.description ?? '') },
  ],
  element.cssProperties,
)}`,
  );

  const toc = contents.map(([id, heading]) => `<li><a href="#${id}">${escapeHtml(heading)}</a></li>`).join('\n');
  const main = `<h1>${code(title)}</h1>
<p class="lead">${prose(element.summary)}</p>
${paragraphs(element.description)}
<p>Class <code>${escapeHtml(element.className)}</code>. From npm: <code>import 'parvis/${escapeHtml(element.tag.replace(/^parvis-/, ''))}';</code> defines the tag.</p>
<nav aria-label="On this page" class="toc">
<ul>
${toc}
</ul>
</nav>
${contents.map(([id, heading, content]) => section(id, heading, content)).join('\n')}`;
  return layout({
    title: `${title} – Parvis for developers`,
    current: element.tag,
    elements,
    main,
    scripts: element.examples.length ? ['/parvis.js', '/docs/assets/event-log.js'] : [],
  });
}

export function renderIndex(elements: ElementDoc[], themes: string[]): string {
  const list = table(
    'elements-table',
    'The elements',
    [
      { title: 'Element', cell: (row: ElementDoc) => `<a href="/docs/${row.tag}">${code(`<${row.tag}>`)}</a>` },
      { title: 'What a citizen does', cell: (row: ElementDoc) => prose(row.summary) },
      { title: 'Events', cell: (row: ElementDoc) => row.events.map((event) => code(event.name)).join(', ') },
    ],
    elements,
  );
  const exports = table(
    'exports-table',
    'What the npm package exports',
    [
      { title: 'Import', cell: (row: [string, string]) => code(row[0]) },
      { title: 'What it gives', cell: (row: [string, string]) => prose(row[1]) },
    ],
    [
      [
        'parvis',
        'The autoloader: defines each element the first time its tag appears, and speaks the page’s language.',
      ],
      ...elements.map((element): [string, string] => [
        `parvis/${element.tag.replace(/^parvis-/, '')}`,
        `Defines \`<${element.tag}>\` at once (class \`${element.className}\`).`,
      ]),
      ['parvis/client', '`configure({ api, adapter, token, timeout })`, the API client and the adapter types.'],
      ['parvis/themes/<name>.css', 'A ready-made theme, to link or import.'],
      ['parvis/custom-elements.json', 'This manifest, for editors and framework tooling.'],
    ],
  );
  const themeList = themes.length
    ? `<ul>\n${themes.map((name) => `<li><a href="/themes/${escapeHtml(name)}.css"><code>themes/${escapeHtml(name)}.css</code></a></li>`).join('\n')}\n</ul>`
    : '';
  const main = `<h1>Parvis for developers</h1>
<p class="lead">Four custom elements that any page can embed with one script tag, documented from their source.</p>
${section('elements', 'Elements', list)}
${section(
  'embed',
  'Embed',
  `<p>One script per page, then the elements where the widgets should appear. The content inside an element is what people see when scripts are blocked.</p>
<pre><code>${escapeHtml(`<script type="module" src="https://participer.ville-exemple.fr/parvis.js"></script>

<parvis-poll poll="amenagement-parc">
  <a href="https://www.ville-exemple.fr/participer">Répondre au sondage</a>
</parvis-poll>`)}</code></pre>
<p>The page’s Content-Security-Policy needs the Parvis server in <code>script-src</code> and <code>connect-src</code> (and <code>style-src</code> for a linked theme). The repository’s <code>docs/cms.md</code> says where to paste this in WordPress, Drupal, SPIP, TYPO3 and Joomla.</p>`,
)}
${section(
  'frameworks',
  'From code and frameworks',
  `<p>The elements are standard custom elements: set their properties, listen to their events. The repository’s <code>examples/</code> folder shows them in plain HTML, React, Vue and Angular.</p>
${exports}`,
)}
${section(
  'themes',
  'Themes',
  `<p>Each element documents its CSS custom properties and <code>::part()</code> names on its page. Ready-made themes set the system tokens for a whole site:</p>\n${themeList}`,
)}`;
  return layout({ title: 'Parvis for developers', current: null, elements, main, scripts: [] });
}
