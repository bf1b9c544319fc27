/**
 * One of harness's own modules, required when first used rather than when its caller loads, so
 * that a one-file check does not load (and compile) code it never calls: the validating config
 * readers when the config cache holds, the parser when the facts cache holds, the reporters of
 * other formats.
 *
 * Nx runs a workspace-local plugin, such as this repo's self-check, from its TypeScript source,
 * with a transpiler that is registered only while the entry file loads: a relative require made
 * later fails there. So when the caller itself is TypeScript (`from` is its `__filename`) the
 * module is required at once; compiled, as every installed harness is, it waits.
 */
export function loadLater<T>(from: string, load: () => T): () => T {
  let module: { value: T } | undefined;
  const get = () => (module ??= { value: load() }).value;
  if (from.endsWith('.ts')) get();
  return get;
}
