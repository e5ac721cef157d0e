import type { Template } from '../../workflow/schema.js';
import { childFailedMessage, failed, type Outcome, type Placement, type RunContext } from './context.js';
import type { Scope } from './scope.js';
import { Semaphore } from './semaphore.js';
import { exportOutcome, finishTemplateNode, runInvocation } from './template.js';

/**
 * A steps template: groups run one after another, the steps of a group in parallel. A failed step
 * fails its group and stops the template, unless its continueOn tolerates the failure.
 */
export async function runSteps(
  ctx: RunContext,
  place: Placement,
  template: Template,
  scope: Scope,
): Promise<Outcome> {
  const node = ctx.book.add(
    {
      name: place.nodeName,
      displayName: place.displayName,
      type: 'Steps',
      templateName: template.name,
      boundaryID: place.boundaryID,
    },
    place.parentId,
  );
  const stepsScope = scope.child();
  const slots = new Semaphore(template.parallelism);
  let phase: Outcome['phase'] = 'Succeeded';
  let message: string | undefined;
  for (const [g, group] of (template.steps ?? []).entries()) {
    if (ctx.signal.aborted) {
      phase = 'Failed';
      message = ctx.stopReason();
      break;
    }
    const groupName = `${place.nodeName}[${g}]`;
    const groupNode = ctx.book.add(
      {
        name: groupName,
        displayName: `[${g}]`,
        type: 'StepGroup',
        templateName: template.name,
        boundaryID: node.id,
      },
      node.id,
    );
    const outcomes = await Promise.all(
      group.map((step) =>
        runInvocation(
          ctx,
          step,
          {
            nodeName: `${groupName}.${step.name}`,
            displayName: step.name,
            parentId: groupNode.id,
            boundaryID: node.id,
          },
          stepsScope,
          slots,
          { loopGroup: false, failFast: template.failFast === true },
        ),
      ),
    );
    group.forEach((step, i) => exportOutcome(stepsScope, 'steps', step.name, outcomes[i] as Outcome, ctx));
    const failure = outcomes.find((o) => failed(o.phase) && !o.tolerated);
    if (failure) {
      phase = 'Failed';
      message = childFailedMessage(ctx, failure);
      ctx.book.update(groupNode.id, { phase: 'Failed', message });
      break;
    }
    ctx.book.update(groupNode.id, { phase: 'Succeeded' });
  }
  return finishTemplateNode(ctx, node.id, template, stepsScope, phase, message);
}
