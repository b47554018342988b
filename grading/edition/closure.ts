/**
 * The files a set of entry files needs, found by reading them rather than
 * listed by hand: what the learner edition (grading/edition.ts) copies.
 *
 * From each TypeScript or JavaScript file it follows
 * - every import, re-export, dynamic `import('…')` and `import type` with a
 *   literal specifier: relative ones from the importing file, path aliases
 *   through the tsconfig's `compilerOptions.paths` (the same aliases the vitest
 *   config sets), and bare package names not at all (npm installs them);
 * - every file a path expression names: a run of string literals among the
 *   arguments of `path.join`/`path.resolve`, or a lone literal, that names a
 *   file of the tree from the top (`path.join(ROOT, 'grading', 'ui', 'panel.js')`)
 *   or from the file's folder (`path.join(here, 'panel.js')`). Such a file is
 *   read at run time (a reporter vitest loads by path, a JSON record, a
 *   stylesheet), so it ships; a module among them is followed in turn.
 *
 * `passOver` names references not to follow: files the caller knows are
 * never read on the paths it cares about.
 *
 * What it cannot see: a path computed from values (`path.join(dir, slug, file)`),
 * and a folder read with `readdirSync`. The caller adds those (an exercise's
 * folder, its hidden suite) as entries. A reference to a folder is recorded,
 * not followed, so the caller can say which feature needs a folder it leaves out.
 */
import path from 'node:path';
import ts from 'typescript';

/** The files to read from, by repository path (`/`-separated, relative to the top). */
export interface Tree {
  readonly files: ReadonlySet<string>;
  read(file: string): string;
}

/** One place a file names another. */
export interface Reference {
  readonly from: string;
  readonly line: number;
  /** What the source says: the specifier, or the path literals joined. */
  readonly text: string;
  /** The repository path it names. */
  readonly target: string;
  readonly kind: 'import' | 'file' | 'folder';
}

export interface Closure {
  /** Every file reached, entries included. */
  readonly files: ReadonlySet<string>;
  /** For each file reached from another, the first reference that reached it. */
  readonly via: ReadonlyMap<string, Reference>;
  /** Every reference to a folder of the tree (not followed). */
  readonly folders: readonly Reference[];
  /** Imports with a relative or aliased specifier that name no file of the tree. */
  readonly unresolved: readonly Reference[];
}

/** tsconfig `compilerOptions.paths`: `"@faultline/harness": ["harness/index.ts"]`, `"@impl/raft/*": ["exercises/raft/*"]`. */
export type Aliases = Readonly<Record<string, readonly string[]>>;

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.js'];

const join = (...parts: string[]): string => path.posix.normalize(path.posix.join(...parts));

/** The tree file a module path names, trying the extensions a bundler resolves (and `.js` written for `.ts`). */
function moduleFile(tree: Tree, base: string): string | undefined {
  const candidates = [...SUFFIXES.map((suffix) => base + suffix), ...(base.endsWith('.js') ? [base.replace(/\.js$/, '.ts')] : [])];
  return candidates.find((candidate) => tree.files.has(candidate));
}

/** The repository paths an aliased specifier maps to, or undefined when no alias matches. */
function aliased(aliases: Aliases, specifier: string): string[] | undefined {
  for (const [pattern, targets] of Object.entries(aliases)) {
    if (!pattern.endsWith('*')) {
      if (pattern === specifier) return [...targets];
      continue;
    }
    const prefix = pattern.slice(0, -1);
    if (specifier.startsWith(prefix)) return targets.map((target) => target.replace('*', specifier.slice(prefix.length)));
  }
  return undefined;
}

const isLiteral = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** Module specifiers and path-literal runs of one source file, with their lines. */
interface PathText {
  readonly text: string;
  readonly line: number;
  /** May name a path from the top: a run that starts a path call's arguments or follows its first, or a lone literal with a `/`. */
  readonly anchored: boolean;
  /** Part of a path call: only then may it name a folder (a lone `'test'` is a word, not the folder beside it). */
  readonly inCall: boolean;
}

function scan(file: string, text: string): { imports: { text: string; line: number }[]; paths: PathText[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: { text: string; line: number }[] = [];
  const paths: PathText[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const inPathCall = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && isLiteral(node.moduleSpecifier)) {
      imports.push({ text: node.moduleSpecifier.text, line: lineOf(node) });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && isLiteral(node.argument.literal)) {
      imports.push({ text: node.argument.literal.text, line: lineOf(node) });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && isLiteral(node.arguments[0])) {
        imports.push({ text: node.arguments[0].text, line: lineOf(node) });
      } else if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'join' || callee.name.text === 'resolve')) {
        // Each run of literal arguments is a path: `path.join(ROOT, 'grading', 'ui', 'panel.js')` names grading/ui/panel.js.
        // A later run follows a value (`path.join(dir, slug, 'README.md')`): only the file's own folder may anchor it.
        let run: (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] = [];
        let start = 0;
        const flush = (): void => {
          if (run.length > 0) paths.push({ text: run.map((literal) => literal.text).join('/'), line: lineOf(run[0]!), anchored: start <= 1, inCall: true });
          run = [];
        };
        node.arguments.forEach((argument, i) => {
          if (isLiteral(argument)) {
            if (run.length === 0) start = i;
            run.push(argument);
            inPathCall.add(argument);
          } else flush();
        });
        flush();
      }
    } else if (isLiteral(node) && !inPathCall.has(node) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
      paths.push({ text: node.text, line: lineOf(node), anchored: node.text.includes('/'), inCall: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, paths };
}

/** True when `folder` is a folder of the tree: some file lies inside it. */
const isFolder = (tree: Tree, folder: string): boolean => folder !== '.' && folder !== '' && [...tree.files].some((file) => file.startsWith(`${folder}/`));

/**
 * The closure of `entries` in `tree`: every file they need, by the rules above.
 * Entries that are not code are taken as they are.
 */
export function closure(tree: Tree, entries: readonly string[], aliases: Aliases, passOver: (reference: Reference) => boolean = () => false): Closure {
  const files = new Set<string>();
  const via = new Map<string, Reference>();
  const folders: Reference[] = [];
  const unresolved: Reference[] = [];
  const queue: string[] = [];
  const reach = (file: string, reference?: Reference): void => {
    if (files.has(file) || (reference !== undefined && passOver(reference))) return;
    files.add(file);
    if (reference !== undefined) via.set(file, reference);
    queue.push(file);
  };
  for (const entry of entries) {
    if (!tree.files.has(entry)) throw new RangeError(`closure: the entry ${entry} is not a file of the tree`);
    reach(entry);
  }
  while (queue.length > 0) {
    const from = queue.shift()!;
    if (!CODE.test(from)) continue;
    const dir = path.posix.dirname(from);
    const { imports, paths } = scan(from, tree.read(from));
    for (const { text, line } of imports) {
      const relative = text.startsWith('./') || text.startsWith('../');
      const bases = relative ? [join(dir, text)] : aliased(aliases, text);
      if (bases === undefined) continue; // a package: npm installs it
      const target = bases.map((base) => moduleFile(tree, base)).find((file) => file !== undefined);
      if (target === undefined) unresolved.push({ from, line, text, target: bases[0]!, kind: 'import' });
      else reach(target, { from, line, text, target, kind: 'import' });
    }
    for (const { text, line, anchored, inCall } of paths) {
      if (text === '' || text === '.' || text === '..' || text.includes('\n') || path.posix.isAbsolute(text)) continue;
      const candidates = [join(dir, text), ...(anchored ? [join('.', text)] : [])];
      for (const target of candidates) {
        if (target.startsWith('..')) continue;
        if (tree.files.has(target)) {
          reach(target, { from, line, text, target, kind: 'file' });
          break;
        }
        if (inCall && isFolder(tree, target)) {
          folders.push({ from, line, text, target, kind: 'folder' });
          break;
        }
      }
    }
  }
  return { files, via, folders, unresolved };
}
