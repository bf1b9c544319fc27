import { readWorkspaceText } from './read-workspace-file';

/**
 * The root dependencies that make Nx analyse TypeScript and JavaScript imports. Without one of
 * them (or `pluginsConfig["@nx/js"]` in nx.json) Nx's graph holds only package.json edges.
 * Mirrors `jsPluginConfig` in Nx (the same list in Nx 21, 22 and 23).
 */
const ANALYSING_PACKAGES = ['@nx/workspace', '@nx/js', '@nx/node', '@nx/next', '@nx/react', '@nx/angular', '@nx/web'];

/** Whether Nx's project graph holds the imports of source files (Nx's `analyzeSourceFiles`). */
export function readImportAnalysis(workspaceRoot: string): boolean {
  const nxJson = readJson(workspaceRoot, 'nx.json') as { pluginsConfig?: Record<string, { analyzeSourceFiles?: boolean }> } | undefined;
  const jsConfig = nxJson?.pluginsConfig?.['@nx/js'];
  if (jsConfig) return jsConfig.analyzeSourceFiles !== false;
  const packageJson = readJson(workspaceRoot, 'package.json') as Record<string, Record<string, string> | undefined> | undefined;
  // No root package.json: Nx analyses nothing, but then harness reads no edges from Nx either.
  if (!packageJson) return false;
  const declared = { ...packageJson.dependencies, ...packageJson.devDependencies };
  return ANALYSING_PACKAGES.some((name) => declared[name] !== undefined);
}

function readJson(workspaceRoot: string, file: string): Record<string, unknown> | undefined {
  const text = readWorkspaceText(workspaceRoot, file);
  if (!text) return undefined;
  // Loaded here: only a graph without any source edge asks, and loading it costs every check ~4 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('jsonc-parser') as typeof import('jsonc-parser');
  const json = parse(text, [], { allowTrailingComma: true });
  return typeof json === 'object' && json !== null ? json : undefined;
}
