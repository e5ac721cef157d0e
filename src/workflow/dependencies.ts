import { operands, parseExpression } from './boolean-expression.js';
import type { Task } from './schema.js';

/** The tasks a task waits for: its `dependencies`, or every task its `depends` names. */
export function dependenciesOf(task: Task): string[] {
  if (task.dependencies) return task.dependencies;
  if (!task.depends) return [];
  return [...new Set(operands(parseExpression(task.depends)).map((o) => o.split('.')[0] as string))];
}
