import type { DimensionId } from './rubric';

/** One scored dimension of a module: the score, what it rests on, and what would raise it. */
export interface DimensionScore {
  /** 0–100. */
  score: number;
  /** What was found, naming the files it came from. */
  evidence: string[];
  /** Concrete next steps, each one sentence starting with a verb. */
  gaps: string[];
}

/** Errors and warnings the check found for one rule. */
export interface FindingCount {
  errors: number;
  warnings: number;
}

export interface ModuleScore {
  name: string;
  root: string;
  score: number;
  grade: string;
  dimensions: Record<DimensionId, DimensionScore>;
  /** Per rule id, only rules with at least one finding. */
  findings: Record<string, FindingCount>;
  /** True when README.md and CONVENTIONS.md exist and every required section has real text. */
  docsWritten: boolean;
}

/** One workspace legibility criterion, judged on substance, with its evidence. */
export interface Criterion {
  id: string;
  title: string;
  passed: boolean;
  evidence: string;
  /** The next step, when the criterion is not met. */
  gap?: string;
}

export interface LegibilityScore {
  score: number;
  grade: string;
  criteria: Criterion[];
}

export interface QualityReport {
  legibility: LegibilityScore;
  modules: ModuleScore[];
}

/** Read access to the workspace as the generator's tree sees it. */
export interface WorkspaceFiles {
  read(file: string): string | undefined;
  /** A file or folder. */
  exists(path: string): boolean;
}
