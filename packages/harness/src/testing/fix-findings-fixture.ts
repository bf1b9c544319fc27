/** Shared setup of the fixFindings specs (fix/fix-findings*.spec.ts). */

import * as path from 'node:path';
import * as ts from 'typescript';
import { fixFindings } from '../fix/fix-findings';
import type { FixFileSystem } from '../fix/types';
import { createFixWorkspace, writeModuleDocs, type FixWorkspace } from './create-fix-workspace';

export const SNAKE_CASE = '---\nnaming: { functions: snake_case }\n---\n';
export const BILLING = { name: 'billing', root: 'modules/billing' };
export const SHOP = { name: 'shop', root: 'modules/shop' };
export const PATHS = { '@acme/billing': ['modules/billing/src/index.ts'], '@acme/shop': ['modules/shop/src/index.ts'] };

/**
 * Checks a project, fixes its findings, and returns the workspace before and after. It calls
 * fixFindings through its module, so fix-findings.reworded.spec.ts can swap in a rewording one.
 */
export async function checkAndFix(ws: FixWorkspace, project: string, rules: string[], fileSystem?: Partial<FixFileSystem>) {
  const { context, findings } = await ws.check(project, rules);
  const before = ws.readAll();
  const result = await fixFindings({
    workspaceRoot: ws.root,
    project: context.projects[project],
    projects: context.projects,
    findings,
    readText: context.readText,
    fileSystem,
  });
  return { context, findings, before, result, after: ws.readAll() };
}

/** Type-checks workspace files as the workspace's own tsconfig would, with the standard library. */
export function compile(root: string, files: string[], paths: Record<string, string[]>): string[] {
  const program = ts.createProgram({
    rootNames: files.map((f) => path.join(root, f)),
    options: { noEmit: true, strict: true, lib: ['lib.es2022.d.ts'], types: [], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, baseUrl: root, paths },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/** billing (snake_case functions) exports processInvoice; shop imports it by alias; `extra` adds or replaces files. */
export const createRenameWorkspace = (extra: Record<string, string> = {}) =>
  createFixWorkspace([BILLING, SHOP], {
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: PATHS } }, null, 2),
    ...writeModuleDocs('modules/billing', SNAKE_CASE),
    'modules/billing/src/lib/invoice.ts': 'export function processInvoice(amount: number): number {\n  return amount * 2;\n}\n',
    'modules/billing/src/index.ts': "export { processInvoice } from './lib/invoice';\n",
    'modules/billing/tests/invoice.spec.ts': "import { processInvoice } from '../src/index';\n\ntest('doubles', () => expect(processInvoice(2)).toBe(4));\n",
    'modules/shop/src/index.ts': "import { processInvoice } from '@acme/billing';\n\nexport const checkout = (total: number): number => processInvoice(total);\n",
    'modules/shop/src/notes.ts': "// processInvoice in a comment and a string is left alone.\nexport const NOTE = 'processInvoice';\n",
    ...extra,
  });
