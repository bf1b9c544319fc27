export type AgentsGeneratorSchema = Record<string, never>;
