/**
 * `npm run build:docs`: the developer documentation the reference server
 * serves at `/docs` — an index, and one page per element written from
 * `custom-elements.json` (itself collected from the elements' JSDoc), so the
 * pages never drift from the code. Each event's `detail` type is read from the
 * elements' `GlobalEventHandlersEventMap` declarations by the TypeScript
 * checker. Each page runs the real widget against the server's demo data.
 *
 * The pages obey the demo pages' Content-Security-Policy: no inline script or
 * style; their stylesheet and event log are files beside them.
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------
// The manifest (the part of the schema these pages read)

interface TypeText {
  text: string;
}
interface Named {
  name: string;
  description?: string;
}
interface Attribute extends Named {
  type?: TypeText;
  default?: string;
  fieldName?: string;
}
interface Member extends Named {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: TypeText;
  default?: string;
  attribute?: string;
  return?: { type?: TypeText };
  parameters?: Array<{ name: string; type?: TypeText; optional?: boolean }>;
  inheritedFrom?: { name: string };
}
interface Declaration extends Named {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Array<Named & { type?: TypeText }>;
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Array<Named & { default?: string }>;
}
export interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}

/** One row of the event table: its name, what it means, and the type of its `detail`. */
export interface EventDoc {
  name: string;
  description: string;
  detail: string | null;
}

export interface ElementDoc {
  tag: string;
  className: string;
  modulePath: string;
  summary: string;
  description: string;
  attributes: Array<{ name: string; property: string | null; default: string | null; description: string }>;
  properties: Array<{
    name: string;
    type: string;
    default: string | null;
    attribute: string | null;
    readonly: boolean;
    description: string;
  }>;
  methods: Array<{ name: string; signature: string; description: string }>;
  events: EventDoc[];
  slots: Named[];
  parts: Named[];
  cssProperties: Named[];
  examples: Example[];
}

/** A live example: markup a webmaster would paste, run against the demo seed. */
export interface Example {
  title: string;
  text: string;
  html: string;
  /** The seed entries the markup points at: the build fails if the demo seed lost one. */
  uses: Array<{ collection: 'polls' | 'subjects' | 'ideaBoxes' | 'budgets'; id: string }>;
}

/** Elements in the order a reader meets them in the README. */
const ORDER = ['parvis-poll', 'parvis-vote', 'parvis-idea-box', 'parvis-budget'];

export const EXAMPLES: Record<string, Example[]> = {
  'parvis-poll': [
    {
      title: 'A single-choice poll',
      text: 'Results show once the citizen has voted. The link inside is what people see when scripts are blocked.',
      html: `<parvis-poll poll="parc-des-tilleuls">
  <a href="/#parc">Répondre au sondage</a>
</parvis-poll>`,
      uses: [{ collection: 'polls', id: 'parc-des-tilleuls' }],
    },
    {
      title: 'Up to three answers, results always visible',
      text: 'The poll’s own settings (on the server) decide the number of answers and when results show.',
      html: `<parvis-poll poll="mobilite-centre-ville"></parvis-poll>`,
      uses: [{ collection: 'polls', id: 'mobilite-centre-ville' }],
    },
  ],
  'parvis-vote': [
    {
      title: 'Support a news item',
      text: 'The `label` names what is supported for screen readers, in a list of several news items.',
      html: `<parvis-vote subject="actu-donnees-ouvertes" label="Les données de la ville en accès libre"></parvis-vote>`,
      uses: [{ collection: 'subjects', id: 'actu-donnees-ouvertes' }],
    },
    {
      title: '“Was this page helpful?”',
      text: 'Without `subject`, the subject is this page’s canonical URL; a comment is asked for after “No”.',
      html: `<parvis-vote mode="helpful"></parvis-vote>`,
      uses: [],
    },
  ],
  'parvis-idea-box': [
    {
      title: 'An idea box',
      text: 'Citizens propose, browse, support and report ideas; the city answers them from the admin console.',
      html: `<parvis-idea-box box="idees-centre-ville" page-size="3">
  <a href="/#idees">Proposer une idée</a>
</parvis-idea-box>`,
      uses: [{ collection: 'ideaBoxes', id: 'idees-centre-ville' }],
    },
  ],
  'parvis-budget': [
    {
      title: 'A participatory budget with districts',
      text: 'The citizen chooses a district, then projects within its envelope, reviews the ballot and casts it.',
      html: `<parvis-budget budget="budget-participatif-2027">
  <a href="/#budget-participatif">Voter au budget participatif</a>
</parvis-budget>`,
      uses: [{ collection: 'budgets', id: 'budget-participatif-2027' }],
    },
  ],
};

// ---------------------------------------------------------------------------
// Reading the manifest and the types

function isInternal(name: string): boolean {
  return name.startsWith('_') || name.startsWith('#');
}

/** The keys a `@fires` description lists as "`detail: { a, b? }`", or null when it lists none. */
export function describedKeys(description: string): Set<string> | null {
  const match = /`detail: \{(.*)\}`/.exec(description);
  if (!match) return null;
  const keys = new Set<string>();
  let depth = 0;
  let current = '';
  for (const char of `${match[1]},`) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (char === ',' && depth === 0) {
      const key = current.split(':')[0].trim().replace(/\?$/, '');
      if (key) keys.add(key);
      current = '';
    } else current += char;
  }
  return keys;
}

/**
 * The TypeScript view of the elements: each `parvis-*` event's detail type as
 * declared on `GlobalEventHandlersEventMap`, and the literal values behind
 * the type names the manifest prints (`VoteMode` → `'support' | …`).
 */
export class ElementTypes {
  readonly #program: ts.Program;
  readonly #checker: ts.TypeChecker;
  readonly #eventMap: ts.Type;
  readonly #scope: ts.SourceFile;

  constructor(root: string, modulePaths: string[]) {
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    this.#program = ts.createProgram(
      modulePaths.map((path) => join(root, path)),
      { ...options, noEmit: true },
    );
    this.#checker = this.#program.getTypeChecker();
    this.#scope = this.#program.getSourceFile(join(root, modulePaths[0]))!;
    const map = this.#checker.resolveName('GlobalEventHandlersEventMap', this.#scope, ts.SymbolFlags.Interface, false);
    if (!map) throw new Error('GlobalEventHandlersEventMap is not declared');
    this.#eventMap = this.#checker.getDeclaredTypeOfSymbol(map);
  }

  /** The detail of `event` as a TypeScript object type, narrowed to what the element's description says it sends. */
  eventDetail(event: string, description: string): string | null {
    const checker = this.#checker;
    const property = checker.getPropertyOfType(this.#eventMap, event);
    if (!property) return null;
    const detailSymbol = checker.getPropertyOfType(checker.getTypeOfSymbol(property), 'detail');
    if (!detailSymbol) return null;
    const detail = checker.getTypeOfSymbol(detailSymbol);
    const keys = describedKeys(description);
    // One name, several elements (`parvis-voted`): the member whose fields the element lists.
    let members = detail.isUnion() ? detail.types : [detail];
    if (keys && members.length > 1) {
      const fitting = members.filter((member) =>
        checker.getPropertiesOfType(member).every((field) => isOptional(field) || keys.has(field.name)),
      );
      if (fitting.length > 0) members = fitting;
    }
    return members.map((member) => this.#objectText(member, keys, '')).join('\n| ');
  }

  #objectText(type: ts.Type, keys: Set<string> | null, indent: string): string {
    const fields = this.#checker
      .getPropertiesOfType(type)
      // A shared detail type (`parvis-error`) has optional fields for each element; show this element's.
      .filter((field) => !keys || !isOptional(field) || keys.has(field.name));
    if (fields.length === 0) return this.#checker.typeToString(type);
    const lines = fields.map((field) => {
      const optional = isOptional(field);
      const text = this.#fieldText(field, indent + '  ');
      return `${indent}  ${field.name}${optional ? '?' : ''}: ${optional ? text.replace(/ \| undefined$/, '') : text};`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  #fieldText(field: ts.Symbol, indent: string): string {
    const declaration = field.valueDeclaration ?? field.declarations?.[0];
    const node = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
    const type = this.#checker.getTypeOfSymbol(field);
    // `Omit<SubmitIdea, 'proof'>` says less than the fields it leaves.
    if (node && ts.isTypeReferenceNode(node) && node.typeArguments?.length) {
      return this.#objectText(this.#checker.getNonNullableType(type), null, indent);
    }
    if (node) return this.expand(node.getText().replace(/\s+/g, ' '), declaration);
    return this.#checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  }

  /** `VoteMode | null` → `'support' | 'updown' | 'helpful' | null`: a name stands for a few literal values. */
  expand(text: string, location: ts.Node = this.#scope): string {
    return text
      .split(' | ')
      .map((part) => {
        if (!/^[A-Z]\w*$/.test(part)) return part;
        const symbol = this.#checker.resolveName(part, location, ts.SymbolFlags.Type, false);
        if (!symbol) return part;
        const type = this.#checker.getDeclaredTypeOfSymbol(symbol);
        const values = type.isUnion() ? type.types : [type];
        if (values.length > 8 || !values.every((value) => value.isLiteral() || isBooleanLiteral(value))) return part;
        return values.map((value) => this.#checker.typeToString(value).replace(/^"(.*)"$/, "'$1'")).join(' | ');
      })
      .join(' | ');
  }

  /** The class of an element, for resolving the names its members' types use. */
  classScope(modulePath: string, className: string, root: string): ts.Node {
    const source = this.#program.getSourceFile(join(root, modulePath));
    const found = source?.statements.find(
      (statement) => ts.isClassDeclaration(statement) && statement.name?.text === className,
    );
    return found ?? source ?? this.#scope;
  }
}

function isOptional(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Optional) !== 0;
}

function isBooleanLiteral(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.BooleanLiteral) !== 0;
}

export function elementDeclarations(manifest: Manifest): Array<{ modulePath: string; declaration: Declaration }> {
  const found = manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({ modulePath: module.path, declaration })),
  );
  const rank = (tag: string) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);
  return found.sort((a, b) => rank(a.declaration.tagName!) - rank(b.declaration.tagName!));
}

/** What a page documents about one element, from the manifest and the types. */
export function elementDocs(manifest: Manifest, root = ROOT): ElementDoc[] {
  const found = elementDeclarations(manifest);
  const types = new ElementTypes(
    root,
    found.map(({ modulePath }) => modulePath),
  );
  return found.map(({ modulePath, declaration }) => {
    const tag = declaration.tagName!;
    const scope = types.classScope(modulePath, declaration.name, root);
    const members = (declaration.members ?? []).filter(
      (member) => !isInternal(member.name) && !member.static && !member.privacy?.match(/private|protected/),
    );
    return {
      tag,
      className: declaration.name,
      modulePath,
      summary: declaration.summary ?? '',
      description: declaration.description ?? '',
      attributes: (declaration.attributes ?? []).map((attribute) => ({
        name: attribute.name,
        property: attribute.fieldName && !isInternal(attribute.fieldName) ? attribute.fieldName : null,
        default: attribute.default ?? null,
        description: attribute.description ?? '',
      })),
      properties: members
        .filter((member) => member.kind === 'field' && !member.inheritedFrom)
        .map((member) => ({
          name: member.name,
          type: types.expand(member.type?.text ?? 'unknown', scope),
          default: member.default ?? null,
          attribute: member.attribute ?? null,
          readonly: Boolean(member.readonly),
          description: member.description ?? '',
        })),
      methods: members
        .filter((member) => member.kind === 'method' && !member.inheritedFrom)
        .map((member) => ({
          name: member.name,
          signature: `${member.name}(${(member.parameters ?? [])
            .map(
              (parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`,
            )
            .join(', ')}): ${member.return?.type?.text ?? 'void'}`,
          description: member.description ?? '',
        })),
      events: (declaration.events ?? []).map((event) => ({
        name: event.name,
        description: event.description ?? '',
        detail: types.eventDetail(event.name, event.description ?? ''),
      })),
      slots: declaration.slots ?? [],
      parts: declaration.cssParts ?? [],
      cssProperties: declaration.cssProperties ?? [],
      examples: EXAMPLES[tag] ?? [],
    };
  });
}

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

// ---------------------------------------------------------------------------
// The build

/** Fails the build when an example points at something the demo seed no longer holds. */
export async function checkExamples(root = ROOT): Promise<void> {
  const seed = JSON.parse(await readFile(join(root, 'demo/seed.json'), 'utf8')) as Record<
    string,
    Array<{ id?: string; key?: string }>
  >;
  for (const examples of Object.values(EXAMPLES)) {
    for (const { collection, id } of examples.flatMap((example) => example.uses)) {
      if (!seed[collection]?.some((entry) => (entry.id ?? entry.key) === id))
        throw new Error(`The docs' example uses ${collection} "${id}", which demo/seed.json does not hold.`);
    }
  }
}

export async function buildDocs(outDir: string, root = ROOT): Promise<ElementDoc[]> {
  await checkExamples(root);
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const elements = elementDocs(manifest, root);
  const themes = (await readdir(join(root, 'src/themes')).catch(() => []))
    .filter((name) => name.endsWith('.css'))
    .map((name) => name.replace(/\.css$/, ''))
    .sort();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await writeFile(join(outDir, 'index.html'), renderIndex(elements, themes));
  for (const element of elements)
    await writeFile(join(outDir, `${element.tag}.html`), renderElement(element, elements));
  await copyFile(join(root, 'custom-elements.json'), join(outDir, 'custom-elements.json'));
  for (const asset of ['docs.css', 'event-log.js'])
    await copyFile(join(root, 'docs/site', asset), join(outDir, 'assets', asset));
  return elements;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'dist/docs'));
  const elements = await buildDocs(outDir);
  console.log(`Docs for ${elements.length} elements written to ${outDir}`);
}
