import { access, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/index.js';
import { STARTER_WORKFLOW, starterConfig } from '../../config/starter.js';
import { inputError } from '../../errors.js';
import { loadWorkflow } from '../../workflow/load.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export function registerInit(program: Command): void {
  program
    .command('init')
    .summary('Write a commented repro.yml (and a workflow skeleton if the folder has none)')
    .argument('[dir]', 'the paper repository', '.')
    .option('--force', 'overwrite an existing repro.yml')
    .action(async (dir: string, flags: { force?: boolean }) => {
      const configFile = join(dir, CONFIG_FILE);
      if ((await exists(configFile)) && !flags.force)
        throw inputError(`${configFile} already exists.`, 'Use --force to overwrite it.');
      let workflowFile = 'workflow.yaml';
      let parameters: { name: string; value?: string }[] = [];
      const found = await loadWorkflow(dir).catch(() => undefined);
      if (found) {
        workflowFile = basename(found.file);
        parameters = found.manifest.spec.arguments?.parameters ?? [];
      } else {
        const target = join(dir, workflowFile);
        if (await exists(target))
          throw inputError(
            `${target} exists but is not a valid Argo Workflow; fix it (see \`repro lint\`) before \`repro init\`.`,
          );
        await writeFile(target, STARTER_WORKFLOW);
        process.stdout.write(`wrote ${target} (a workflow skeleton to adapt)\n`);
      }
      await writeFile(configFile, starterConfig(workflowFile, parameters));
      process.stdout.write(`wrote ${resolve(configFile)}\nnext: edit it, then \`repro run ${dir}\`\n`);
    });
}
