/**
 * Which of a learner's code belongs to which task, so that a task's hint moves
 * on only when that task's own code changed (grading/hints/index.ts).
 *
 * Each learner file is cut into declarations, as TypeScript's parser sees
 * them: a function or variable at the top level is one (`optimalParameters`),
 * each member of a class is one (`BloomFilter.add`, `BloomFilter.constructor`),
 * and everything else in the file (imports, types, comments between) is one
 * more, named after the file. A task claims declarations by name, by pattern
 * (a learner's own helpers: `/vote/i`) or whole files (`causal-node.ts`). A
 * declaration no task claims is shared, a helper several tasks may call: a
 * change to it counts for every task. With no claims at all, a task's code is
 * every learner file, as it was before tasks had their own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type ts from 'typescript';
import type { ExerciseSpec } from '../catalog';

/** A claim: a declaration's name, a pattern over names, or a learner file's name (all of it). */
export type Claim = string | RegExp;

/** How an exercise's tasks divide its code, and which tasks build on which. */
export interface TaskLayout {
  /** By task id: the code the task's tests exercise. */
  readonly code?: Readonly<Record<number, readonly Claim[]>>;
  /**
   * By task id: the earlier tasks whose code this one's tests also run. While one of those is short of full marks, the
   * report says to finish it first instead of showing this task's hint, which would point at the wrong cause.
   */
  readonly builtOn?: Readonly<Record<number, readonly number[]>>;
}

/** One declaration of a learner file: its name (`Class.member`, or the file's own name for what lies between) and text. */
export interface Declaration {
  readonly file: string;
  readonly name: string;
  readonly text: string;
}

let typescript: typeof ts | undefined;
/** TypeScript's parser, loaded on first use (a grade that shows only first hints never needs it). */
const parser = (): typeof ts => (typescript ??= createRequire(import.meta.url)('typescript') as typeof ts);

/** The declarations of one file, in order; what lies between them is gathered under the file's own name. */
export function declarationsOf(file: string, text: string): Declaration[] {
  const t = parser();
  const source = t.createSourceFile(file, text, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const found: Declaration[] = [];
  let rest = '';
  const nameOf = (node: ts.Node): string | undefined => {
    const name = (node as { name?: ts.Node }).name;
    if (name === undefined) return t.isConstructorDeclaration(node) ? 'constructor' : undefined;
    return t.isIdentifier(name) || t.isPrivateIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name) ? name.text : name.getText(source);
  };
  for (const statement of source.statements) {
    if (t.isClassDeclaration(statement) && statement.name !== undefined) {
      const cls = statement.name.text;
      let last = statement.pos;
      for (const member of statement.members) {
        const name = nameOf(member);
        if (name === undefined) continue;
        rest += text.slice(last, member.pos);
        found.push({ file, name: `${cls}.${name}`, text: text.slice(member.pos, member.end) });
        last = member.end;
      }
      rest += text.slice(last, statement.end);
    } else if (t.isFunctionDeclaration(statement) && statement.name !== undefined) {
      found.push({ file, name: statement.name.text, text: text.slice(statement.pos, statement.end) });
    } else if (t.isVariableStatement(statement)) {
      const names = statement.declarationList.declarations.map((d) => (t.isIdentifier(d.name) ? d.name.text : d.name.getText(source)));
      found.push({ file, name: names.join(','), text: text.slice(statement.pos, statement.end) });
    } else {
      rest += text.slice(statement.pos, statement.end);
    }
  }
  found.push({ file, name: file, text: rest + text.slice(source.statements.end) });
  return found;
}

const claims = (claim: Claim, declaration: Declaration): boolean =>
  typeof claim === 'string'
    ? claim === declaration.file || claim === declaration.name || declaration.name.split(',').includes(claim)
    : claim.test(declaration.name);

/** The declarations task `task` counts as its own: those it claims, and those no task claims. */
export function taskDeclarations(all: readonly Declaration[], layout: TaskLayout, task: number): Declaration[] {
  const code = layout.code ?? {};
  const mine = code[task];
  if (mine === undefined) return [...all];
  const claimedByAny = (d: Declaration): boolean => Object.values(code).some((list) => list.some((claim) => claims(claim, d)));
  return all.filter((d) => mine.some((claim) => claims(claim, d)) || !claimedByAny(d));
}

/** Every learner file of the exercise, cut into declarations; a missing file is one empty declaration. */
export function learnerDeclarations(spec: ExerciseSpec, implRoot: string): Declaration[] {
  return spec.learnerFiles.flatMap((file) => {
    let text: string;
    try {
      text = fs.readFileSync(path.join(implRoot, spec.slug, file), 'utf8');
    } catch {
      return [{ file, name: file, text: '(missing)' }];
    }
    return declarationsOf(file, text);
  });
}

/** A hash of a task's own code: a run counts as a new attempt at the task only when this changed. */
export function taskCodeHash(declarations: readonly Declaration[], layout: TaskLayout, task: number): string {
  const hash = crypto.createHash('sha256');
  for (const d of taskDeclarations(declarations, layout, task)) hash.update(d.file).update('\0').update(d.name).update('\0').update(d.text).update('\0');
  return hash.digest('hex').slice(0, 16);
}
