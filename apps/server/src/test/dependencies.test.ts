import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

// Every workspace package declares what its code imports, so that it installs and builds on its own.
const root = new URL('../../../../', import.meta.url).pathname;
const WORKSPACES = ['packages/contracts', 'packages/db', 'packages/stats', 'apps/server', 'apps/web'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : sourceFiles(path); // test support uses the root's dev tools
    return /\.(ts|tsx)$/.test(name) && !/\.(test|int\.test|e2e\.test)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The package a bare import names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('workspace dependencies', () => {
  for (const workspace of WORKSPACES) {
    it(`${workspace} declares every package its code imports`, () => {
      const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
      ]);
      const imported = new Set<string>();
      for (const file of sourceFiles(join(root, workspace, 'src'))) {
        const text = readFileSync(file, 'utf8');
        const specifiers = [
          ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm),
          ...text.matchAll(/^import\s+'([^']+)'/gm),
          ...text.matchAll(/\bimport\('([^']+)'\)/g),
        ].map((m) => m[1]!);
        for (const specifier of specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/'))) {
          const name = packageOf(specifier);
          if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
        }
      }
      const missing = [...imported].filter((name) => !declared.has(name) && !name.startsWith('@types/'));
      expect(missing).toEqual([]);
    });
  }
});
