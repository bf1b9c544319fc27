import * as path from 'node:path';
import type * as ts from 'typescript';
import type { ProjectInfo } from '../collect/types';
import { mapSpecifier, readPathMappings } from './read-path-mappings';
import type { WorkspaceDraft } from './workspace-draft';
import { CODE_FILE } from '../core/source-files';

/** A TypeScript language service over the draft, with paths both ways. */
export interface WorkspaceLanguageService {
  ts: typeof ts;
  service: ts.LanguageService;
  /** Workspace-relative → the absolute name the service uses. */
  toFileName(file: string): string;
  /** The service's absolute name → workspace-relative, or undefined when outside the workspace. */
  toWorkspacePath(fileName: string): string | undefined;
  /** The parsed file as the draft holds it now. */
  getSourceFile(file: string): ts.SourceFile | undefined;
}

/** Loads TypeScript on first use: only `--fix` needs the language service. */
function loadTypeScript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('typescript') as typeof ts;
}

/**
 * Builds a language service whose program is every code file of every project, read from the
 * draft, so each edit a planner makes is seen by the next query. Imports resolve as the
 * workspace's own tooling resolves them: relative paths, tsconfig `paths`, and workspace package
 * names to their entry points. node_modules is left out: a rename never edits it, and skipping it
 * keeps the program to the workspace's own files.
 */
export function createLanguageService(
  workspaceRoot: string,
  draft: WorkspaceDraft,
  projects: Record<string, ProjectInfo>,
): WorkspaceLanguageService {
  const t = loadTypeScript();
  const root = workspaceRoot.split(path.sep).join('/').replace(/\/$/, '');
  const toFileName = (file: string) => path.posix.join(root, file);
  const toWorkspacePath = (fileName: string) => {
    const rel = path.posix.relative(root, fileName.split(path.sep).join('/'));
    return rel === '' || rel.startsWith('../') || rel === '..' || path.posix.isAbsolute(rel) ? undefined : rel;
  };
  const readFile = (fileName: string) => {
    const file = toWorkspacePath(fileName);
    return file === undefined || file.split('/').includes('node_modules') ? undefined : draft.readText(file);
  };
  const options: ts.CompilerOptions = {
    allowJs: true,
    noEmit: true,
    // Renames need symbols, not the standard library; leaving it out keeps every read inside the workspace.
    noLib: true,
    types: [],
    jsx: t.JsxEmit.Preserve,
    target: t.ScriptTarget.Latest,
    module: t.ModuleKind.ESNext,
    moduleResolution: t.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
  };
  const mappings = readPathMappings(t, draft.readText, projects);
  const resolutionHost: ts.ModuleResolutionHost = { fileExists: (f) => readFile(f) !== undefined, readFile };
  const resolveSpecifier = (specifier: string, containingFile: string): ts.ResolvedModuleFull | undefined => {
    for (const candidate of mapSpecifier(mappings, specifier)) {
      const resolved = t.resolveModuleName(toFileName(candidate), containingFile, options, resolutionHost).resolvedModule;
      if (resolved) return resolved;
    }
    return t.resolveModuleName(specifier, containingFile, options, resolutionHost).resolvedModule;
  };
  const host: ts.LanguageServiceHost = {
    ...resolutionHost,
    getCompilationSettings: () => options,
    getScriptFileNames: () => draft.listFiles().filter((f) => CODE_FILE.test(f)).map(toFileName),
    getScriptVersion: (fileName) => draft.versionOf(toWorkspacePath(fileName) ?? fileName),
    getProjectVersion: () => draft.revisionOf(),
    getScriptSnapshot: (fileName) => {
      const text = readFile(fileName);
      return text === undefined ? undefined : t.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: () => toFileName('lib.harness-none.d.ts'),
    useCaseSensitiveFileNames: () => true,
    resolveModuleNameLiterals: (literals, containingFile) =>
      literals.map((literal) => ({ resolvedModule: resolveSpecifier(literal.text, containingFile) })),
  };
  const service = t.createLanguageService(host, t.createDocumentRegistry(true, root));
  return {
    ts: t,
    service,
    toFileName,
    toWorkspacePath,
    getSourceFile: (file) => service.getProgram()?.getSourceFile(toFileName(file)),
  };
}
