/**
 * How every command of the repo reads its arguments, and how it says what was
 * wrong with them. A command is declared once (grading/commands.ts): its
 * options, in `util.parseArgs` form, and its positionals. `parseOrExit` parses
 * `process.argv` in strict mode, checks every exercise named against the
 * catalog, and then either returns what it found, prints the help (`--help`
 * or `-h`: stdout, exit 0), or prints a usage error: on stderr, one short
 * usage line and then the reason, last, where the eye lands; exit 2.
 *
 * npm keeps the flags given to `npm run <script>` before `--` for itself and
 * passes the script nothing: `npm run progress --bogus` runs the script with
 * no argument and npm_config_bogus=true in its environment. Such a variable,
 * when npm did not get it from an npmrc file or the environment and it is one
 * of the command's own flags or no setting npm knows, is reported as a usage
 * error that names the command to type instead (`swallowedByNpm`).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalog, isDraft } from './catalog';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A positional slot, matched in order:
 * - `exercise`: exactly one exercise of the catalog (drafts too); later repeats of it are dropped, so an exercise's
 *   own script, which names the exercise already, may be given it again (`npm run hint -- raft 1` in exercises/raft);
 * - `exercises`: any number of them, each once, in the order given;
 * - `word`: one free word the command checks itself (a task, a variant's id, a new slug); `required`: the question
 *   asked when it is missing;
 * - `count`: an optional whole number, at least `min` (default 1), with its default.
 */
export type Slot =
  | { readonly kind: 'exercise' }
  | { readonly kind: 'exercises' }
  | { readonly kind: 'word'; readonly name: string; readonly required?: string }
  | { readonly kind: 'count'; readonly name: string; readonly default: number; readonly min?: number };

export interface Command<O extends Options = Options> {
  /** What its messages start with: `grade: …`. */
  readonly name: string;
  /** One short line after "usage: ", the way to type it: `npm run grade -- [SLUG ...] [options]`. */
  readonly usage: string;
  /** Its options, as `util.parseArgs` takes them; `--help` (`-h`) is every command's. */
  readonly options: O;
  /** What a string option's value should be, for the message when it is missing: `an integer in [0, 4294967295]`. */
  readonly expects?: { readonly [K in keyof O]?: string };
  readonly positionals: readonly Slot[];
  /**
   * Who takes the arguments after `--`, and the command line they go after: `{ to: 'vitest', after: 'npm run watch --
   * <exercise> --' }`. Without it, they are positionals like the others.
   */
  readonly passThrough?: { readonly to: string; readonly after: string };
}

/** A command as declared, its option types kept for the values it parses to. */
export const command = <const O extends Options>(spec: Command<O>): Command<O> => spec;

export type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>['values'];

export interface Parsed<O extends Options> {
  readonly values: Values<O>;
  /** The exercises named, valid slugs of the catalog, each once, in the order given. */
  readonly exercises: readonly string[];
  /** The `word` slots given, by name. */
  readonly words: Readonly<Record<string, string | undefined>>;
  /** The `count` slots, by name: the number given, or the default. */
  readonly counts: Readonly<Record<string, number>>;
  /** What came after `--`, for the command named by `passThrough`. */
  readonly passThrough: readonly string[];
}

/** A usage error's reason, one line: what was wrong, expected against actual, what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses `argv`; `'help'` for --help; throws UsageError for anything the command does not take. */
export function parseCommand<O extends Options>(spec: Command<O>, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed<O> | 'help' {
  const swallowed = swallowedByNpm(spec, env);
  if (swallowed.length > 0) {
    const them = swallowed.length === 1 ? 'it' : 'them';
    throw new UsageError(
      `npm kept ${list(swallowed.map((s) => s.flag))} for itself (it set ${list(swallowed.map((s) => s.variable))}) and did not pass ${them} on: ` +
        `put -- before ${them}, as in npm run ${env.npm_lifecycle_event} -- ${swallowed.map((s) => s.flag).join(' ')}${argv.length > 0 ? ' …' : ''}`,
    );
  }
  const options: Options = { ...spec.options, ...HELP };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new UsageError(explain(spec, argv, error as Error));
  }
  const { help, ...values } = parsed.values;
  if (help === true) return 'help';
  const terminator = parsed.tokens.find((t) => t.kind === 'option-terminator')?.index;
  const positionals: string[] = [];
  const passThrough: string[] = [];
  for (const token of parsed.tokens) {
    if (token.kind !== 'positional') continue;
    if (spec.passThrough !== undefined && terminator !== undefined && token.index > terminator) passThrough.push(token.value);
    else positionals.push(token.value);
  }
  return { values: values as Values<O>, passThrough, ...matchSlots(spec, positionals) };
}

/** Parses `process.argv` as `parseCommand` does; prints the help and exits 0, or prints the usage error and exits 2. */
export function parseOrExit<O extends Options>(spec: Command<O>, help: string, argv: readonly string[] = process.argv.slice(2)): Parsed<O> {
  let parsed;
  try {
    parsed = parseCommand(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsage(spec, error.message);
    throw error;
  }
  if (parsed === 'help') {
    process.stdout.write(helpText(spec, help));
    process.exit(0);
  }
  return parsed;
}

/** The usage error as printed, on two lines: the usage, then the reason. */
export const usageMessage = (spec: Command, reason: string): string =>
  `usage: ${spec.usage}   (--help for more)\n${spec.name}: ${reason.replace(/\s*\n\s*/g, ' ')}\n`;

/** Prints the usage error on stderr and exits 2: for what the command finds wrong after parsing. */
export function exitWithUsage(spec: Command, reason: string): never {
  process.stderr.write(usageMessage(spec, reason));
  process.exit(2);
}

/**
 * The whole help: the usage line, the command's own text, and the exercises it takes. A text that starts with spaces
 * continues the usage line (another form of the command); any other is set off by a blank line.
 */
export function helpText(spec: Command, body: string): string {
  const takesExercises = spec.positionals.some((slot) => slot.kind === 'exercise' || slot.kind === 'exercises');
  const text = body.trimEnd().replace(/^\n+/, '');
  const lines = [`usage: ${spec.usage}`, ...(text === '' ? [] : /^\s/.test(text) ? [text] : ['', text])];
  return [...lines, ...(takesExercises ? ['', `exercises: ${knownExercises()}`] : []), ''].join('\n');
}

/** `a, b, c`: the exercises, then the drafts when there are any (`; drafts: d`). */
function knownExercises(): string {
  const drafts = catalog.filter(isDraft).map((e) => e.slug);
  const shipped = catalog.filter((e) => !isDraft(e)).map((e) => e.slug);
  return `${shipped.join(', ')}${drafts.length > 0 ? `; drafts: ${drafts.join(', ')}` : ''}`;
}

/** Throws UsageError unless `slug` names an exercise of the catalog (a draft too), with the known ones and a near miss. */
export function checkExercise(slug: string): void {
  if (catalog.some((e) => e.slug === slug)) return;
  const near = nearest(slug, catalog.map((e) => e.slug));
  throw new UsageError(`unknown exercise "${slug}"${near ? ` (did you mean ${near}?)` : ''}; known: ${knownExercises()}`);
}

function matchSlots(spec: Command, given: readonly string[]): Pick<Parsed<Options>, 'exercises' | 'words' | 'counts'> {
  const exercises: string[] = [];
  const words: Record<string, string | undefined> = {};
  const counts: Record<string, number> = {};
  let rest = [...given];
  for (const slot of spec.positionals) {
    switch (slot.kind) {
      case 'exercise': {
        const slug = rest.shift();
        if (slug === undefined) throw new UsageError(`which exercise? name one: ${knownExercises()}`);
        checkExercise(slug);
        exercises.push(slug);
        rest = rest.filter((arg) => arg !== slug);
        break;
      }
      case 'exercises':
        for (const slug of rest.splice(0)) {
          checkExercise(slug);
          if (!exercises.includes(slug)) exercises.push(slug);
        }
        break;
      case 'word':
        words[slot.name] = rest.shift();
        if (slot.required !== undefined && words[slot.name] === undefined) throw new UsageError(slot.required);
        break;
      case 'count': {
        const text = rest.shift();
        const value = text === undefined ? slot.default : Number(text);
        const min = slot.min ?? 1;
        if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${slot.name} must be a ${min === 1 ? 'positive ' : ''}whole number${min > 1 ? ` from ${min}` : ''}, not "${text}"`);
        counts[slot.name] = value;
        break;
      }
      default:
        return slot satisfies never;
    }
  }
  if (rest.length > 0) {
    const last = spec.positionals.at(-1);
    if (last?.kind === 'exercise') {
      checkExercise(rest[0]!);
      throw new UsageError(`one exercise at a time, not "${[exercises[0], ...rest].join(' ')}"`);
    }
    if (last?.kind === 'word' && words[last.name] !== undefined) throw new UsageError(`one ${last.name} at a time, not "${[words[last.name], ...rest].join(' ')}"`);
    const quoted = rest.map((arg) => `"${arg}"`).join(' ');
    throw new UsageError(spec.positionals.length === 0 ? `${spec.name} takes no arguments, not ${quoted}` : `unexpected argument${rest.length > 1 ? 's' : ''} ${quoted}`);
  }
  return { exercises, words, counts };
}

/** A util.parseArgs error, in our words: which flag, what it expected, what to type. */
function explain(spec: Command, argv: readonly string[], error: Error): string {
  const { tokens } = parseArgs({ args: [...argv], options: { ...spec.options, ...HELP }, strict: false, allowPositionals: true, tokens: true });
  const names = Object.keys({ ...spec.options, ...HELP });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (spec.options as Options)[token.name] ?? (HELP as Options)[token.name];
    if (option === undefined) {
      const near = nearest(token.name, names);
      const elsewhere = spec.passThrough === undefined ? '' : `; ${spec.passThrough.to}'s own options go after a second --: ${spec.passThrough.after} ${token.rawName}`;
      return `unknown option ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}${elsewhere}`;
    }
    if (option.type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value; drop "=${token.value}"`;
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      const what = (spec.expects as Record<string, string | undefined> | undefined)?.[token.name];
      const got = token.value === undefined ? '' : token.value.startsWith('--') ? `, not the option ${token.value}` : `; to give one that starts with "-", write ${token.rawName}=${token.value}`;
      return `${token.rawName} needs a value${what ? `: ${what}` : ''}${got}`;
    }
  }
  // Anything else util.parseArgs refuses: its own first sentence.
  const first = error.message.split(/\.\s/)[0]!;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** `a`, `a and b`, `a, b and c`. */
const list = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The closest of `candidates` to `word` by edit distance, when it is close enough to be a typo. */
function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  return best !== undefined && best.distance <= Math.min(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Set by npm for every script, whatever the command line. `prefix` is also new-exercise's flag; given to npm instead,
 * it is npm's folder, where npm then finds no package.json and stops before the script starts.
 */
const NPM_OWN = new Set(['global_prefix', 'local_prefix', 'node_gyp', 'npm_version', 'prefix']);

/**
 * The flags `npm run` kept for itself instead of passing them on (see the top of this file): its npm_config_* variables
 * that no npmrc file and no NPM_CONFIG_* variable explains, and that are the command's own flags or, when npm's list
 * of settings can be read, settings npm does not have. Empty outside `npm run`.
 */
export function swallowedByNpm(spec: Command, env: NodeJS.ProcessEnv = process.env): { flag: string; variable: string }[] {
  if (env.npm_lifecycle_event === undefined || env.npm_command === 'exec') return [];
  const underscored = (name: string) => name.toLowerCase().replace(/-/g, '_');
  const ours = new Map(Object.keys(spec.options).map((name) => [underscored(name), name]));
  const explained = npmrcKeys(env);
  let settings: ReadonlySet<string> | undefined | null = null;
  const found: { flag: string; variable: string }[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith('npm_config_')) continue;
    const key = variable.slice('npm_config_'.length);
    if (NPM_OWN.has(key) || explained.has(key)) continue;
    if (!ours.has(key)) {
      if (settings === null) settings = npmSettings(env);
      if (settings === undefined || settings.has(key)) continue;
    }
    const name = ours.get(key) ?? key.replace(/_/g, '-');
    found.push({ flag: value === undefined || value === '' || value === 'true' ? `--${name}` : `--${name}=${value}`, variable });
  }
  return found;
}

/** npm's own settings, underscored, from the npm that ran the script; undefined when they cannot be read. */
function npmSettings(env: NodeJS.ProcessEnv): ReadonlySet<string> | undefined {
  if (!env.npm_execpath) return undefined;
  const require = createRequire(path.resolve(env.npm_execpath));
  // npm 10 and later keep them in @npmcli/config; npm 8 and 9 in lib/utils/config.
  for (const module of ['@npmcli/config/lib/definitions', '../lib/utils/config/definitions.js']) {
    try {
      const { definitions } = require(module) as { definitions: Record<string, unknown> };
      return new Set(Object.keys(definitions).map((name) => name.toLowerCase().replace(/-/g, '_')));
    } catch {
      // Not this layout: try the next.
    }
  }
  return undefined;
}

/** Every setting named in the npmrc files npm read (project, user, global, built-in) or in an NPM_CONFIG_* variable. */
function npmrcKeys(env: NodeJS.ProcessEnv): Set<string> {
  const keys = new Set<string>();
  const files = [
    env.npm_config_local_prefix && path.join(env.npm_config_local_prefix, '.npmrc'),
    env.npm_config_userconfig,
    env.npm_config_globalconfig,
    env.npm_execpath && path.join(path.dirname(env.npm_execpath), '..', 'npmrc'),
  ];
  for (const file of files) {
    if (!file) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      const match = /^\s*([^;#=\s[][^=]*?)\s*(?:\[\])?\s*=/.exec(line);
      if (match) keys.add(match[1]!.toLowerCase().replace(/-/g, '_'));
    }
  }
  for (const variable of Object.keys(env)) if (/^npm_config_/i.test(variable) && !variable.startsWith('npm_config_')) keys.add(variable.slice(11).toLowerCase().replace(/-/g, '_'));
  return keys;
}
