/**
 * What the docs pages say of each element: the manifest (collected from the
 * elements' JSDoc), and the type of each event's `detail` as the TypeScript
 * checker reads it from the elements' `GlobalEventHandlersEventMap`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { EXAMPLES, type Example } from './examples.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// ---------------------------------------------------------------------------
// The manifest (the part of the schema these pages read)

interface TypeText {
  text: string;
}
export interface Named {
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
/** Elements in the order a reader meets them in the README. */
const ORDER = ['parvis-poll', 'parvis-vote', 'parvis-idea-box', 'parvis-budget'];

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
