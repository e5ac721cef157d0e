import { evaluate, parseExpression } from './boolean-expression.js';
import type { Task } from './schema.js';

/** The tasks a task waits for: its `dependencies`, or every task its `depends` names. */
export function dependenciesOf(task: Task): string[] {
  if (task.dependencies) return task.dependencies;
  if (!task.depends) return [];
  const names = new Set<string>();
  const collect = (value: string) => names.add(value.split('.')[0] as string);
  evaluate(
    parseExpression(task.depends),
    (v) => (collect(v), true),
    () => true,
  );
  return [...names];
}
