// The sync generator takes no options: Nx calls it with the tree only.
export type SyncGeneratorSchema = Record<string, never>;
