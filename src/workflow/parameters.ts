import type { LoadedWorkflow } from './load.js';
import { workflowError } from './source.js';

/**
 * The workflow's parameter values: spec.arguments, then overrides (as `argo submit -p`). An
 * override of an undeclared parameter, a parameter left without a value, or a value outside its
 * enum is an error naming the parameter and where it is declared.
 */
export function resolveWorkflowParameters(
  workflow: LoadedWorkflow,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const declared = workflow.manifest.spec.arguments?.parameters ?? [];
  const values: Record<string, string> = {};
  for (const name of Object.keys(overrides)) {
    if (!declared.some((p) => p.name === name)) {
      const known = declared.map((p) => p.name).join(', ') || 'none';
      throw workflowError(
        `-p ${name}: the workflow declares no parameter '${name}' (it has: ${known}).`,
        `Declare it under spec.arguments.parameters in ${workflow.file}.`,
      );
    }
  }
  declared.forEach((p, i) => {
    const value = overrides[p.name] ?? p.value ?? p.default;
    const where = workflow.where(['spec', 'arguments', 'parameters', i]);
    if (value === undefined) {
      throw workflowError(
        `${where}: workflow parameter '${p.name}' has no value.`,
        `Give one with -p ${p.name}=VALUE.`,
      );
    }
    if (p.enum && !p.enum.includes(value)) {
      throw workflowError(
        `${where}: workflow parameter '${p.name}' is '${value}', which is not one of its enum values: ${p.enum.join(', ')}.`,
      );
    }
    values[p.name] = value;
  });
  return values;
}

/** `name=value` pairs from -p flags and a parameter file (YAML or JSON map), flags winning. */
export function parseParameterFlags(flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw workflowError(`-p ${flag}: expected name=value.`);
    out[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return out;
}
