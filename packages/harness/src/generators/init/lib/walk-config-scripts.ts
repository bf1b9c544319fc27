import type * as ts from 'typescript';
import type { ScriptLoader, ScriptModule } from './config-script';

/**
 * Visits a JS/TS config and, where it first names them, the workspace scripts it imports or
 * requires, depth first in source order: a base config spread at the top of an array is visited
 * before the objects after it, as ESLint applies them. `visit` returns true to skip a node's
 * children. `walked` holds the files already visited, so each is read once.
 */
export function walkConfigScripts(
  load: ScriptLoader,
  file: string,
  visit: (node: ts.Node, mod: ScriptModule) => boolean,
  walked: Set<string> = new Set(),
): void {
  if (walked.has(file)) return;
  walked.add(file);
  const mod = load(file);
  const { t } = mod;
  const step = (node: ts.Node): void => {
    if (t.isImportDeclaration(node)) return;
    const script = t.isIdentifier(node) || t.isCallExpression(node) ? mod.moduleOf(node) : undefined;
    if (script) walkConfigScripts(load, script, visit, walked);
    if (!visit(node, mod)) t.forEachChild(node, step);
  };
  step(mod.sf);
}
