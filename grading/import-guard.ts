/**
 * A vite plugin that keeps the code under test out of the grader's own tree.
 *
 * A learner's file may import its own exercise folder, `@faultline/harness`,
 * Node's built-ins and npm packages. It may not reach the reference solutions,
 * the hidden suites or the grader (`solutions/`, `grading/`), nor another
 * exercise: an `import '../../solutions/bloom-filter/bloom-filter'` would
 * otherwise earn every point with no work done. The import fails, the module
 * does not load, and every test says why.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

const inside = (dir: string, file: string): boolean => {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

export function importGuard(options: { root: string; implDir: string; slug: string }): Plugin {
  const { root, implDir, slug } = options;
  const allowed = [implDir, path.join(root, 'harness'), path.join(root, 'node_modules'), path.join(root, 'exercises', slug)];
  const forbidden = [path.join(root, 'solutions'), path.join(root, 'grading'), path.join(root, 'exercises')];
  return {
    name: 'faultline:import-guard',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer || !inside(implDir, importer.split('?')[0]!)) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external || !path.isAbsolute(resolved.id)) return resolved;
      const target = resolved.id.split('?')[0]!;
      if (allowed.some((dir) => inside(dir, target))) return resolved;
      if (forbidden.some((dir) => inside(dir, target))) {
        throw new Error(
          `faultline: ${path.relative(root, importer)} may not import ${JSON.stringify(source)} ` +
            `(${path.relative(root, target)}): code under test may import only its own folder, @faultline/harness and npm packages`,
        );
      }
      return resolved;
    },
  };
}
