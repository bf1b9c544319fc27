export type { CheckExecutorSchema } from '../../check/check-options';
