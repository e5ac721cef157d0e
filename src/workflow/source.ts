import { type Document, isMap, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { ReproError } from '../errors.js';

export type FieldPath = readonly (string | number)[];

/** One parsed YAML document and enough to point at any of its fields by file:line:col. */
export interface SourceDocument {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

export function workflowError(message: string, hint?: string): ReproError {
  return new ReproError('workflow', message, hint);
}

/** Every document of a YAML file; a syntax error is reported at its file:line:col. */
export function parseYamlFile(file: string, text: string): SourceDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
      throw workflowError(
        `${where}: YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      );
    }
  }
  return docs.filter((d) => d.contents !== null).map((doc) => ({ file, doc, lineCounter }));
}

export function formatPath(path: FieldPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function keyOf(pair: { key: unknown }): unknown {
  return (pair.key as { value?: unknown } | null)?.value;
}

/** The child of a YAML node at one path step, and where it starts. */
function child(node: Node | null, part: string | number): { node: Node | null; offset: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyOf(p) === part);
    if (!pair) return undefined;
    const value = pair.value as Node | null;
    return { node: value, offset: value?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0 };
  }
  if (isSeq(node) && typeof part === 'number') {
    const value = node.items[part] as Node | undefined;
    return value ? { node: value, offset: value.range?.[0] ?? 0 } : undefined;
  }
  return undefined;
}

/**
 * file:line:col of the deepest node that exists along `path`; with `key`, of that key inside the
 * map at `path` (for a field that should not be there).
 */
export function locate(source: SourceDocument, path: FieldPath, key?: string): string {
  let node = source.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const part of path) {
    const next = child(node, part);
    if (!next) break;
    ({ node, offset } = next);
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => keyOf(p) === key);
    offset = (pair?.key as Node | undefined)?.range?.[0] ?? offset;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return `${source.file}:${line}:${col}`;
}

/** Whether a node exists at `path`. */
export function hasPath(source: SourceDocument, path: FieldPath): boolean {
  let node = source.doc.contents as Node | null;
  for (const part of path) {
    const next = child(node, part);
    if (!next) return false;
    node = next.node;
  }
  return true;
}
