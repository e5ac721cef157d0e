import type { Command } from 'commander';
import { loadWorkflow } from '../../workflow/load.js';
import { resolveWorkflowParameters } from '../../workflow/parameters.js';
import { validateWorkflow } from '../../workflow/validate.js';
import { readParameters } from './run.js';

export function registerLint(program: Command): void {
  program
    .command('lint')
    .summary('Validate an Argo workflow without running it')
    .argument('[workflow]', 'a workflow file, or a folder holding one', '.')
    .option(
      '-p, --parameter <name=value>',
      'check with this parameter value (repeatable)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--parameter-file <file>', 'a YAML or JSON map of parameter values')
    .action(async (target: string, flags: { parameter: string[]; parameterFile?: string }) => {
      const workflow = await loadWorkflow(target);
      validateWorkflow(workflow);
      const parameters = resolveWorkflowParameters(
        workflow,
        await readParameters(flags.parameterFile, flags.parameter),
      );
      const templates = workflow.manifest.spec.templates?.length ?? 0;
      const params = Object.entries(parameters)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      process.stdout.write(
        `✔ ${workflow.file}: valid (${templates} templates; parameters: ${params || 'none'})\n`,
      );
    });
}
