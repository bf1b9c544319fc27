export interface AdoptGeneratorSchema {
  /** Comma-separated project names; default: every project except the workspace root. */
  projects?: string;
}
