import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE, loadConfig } from '../../config/index.js';
import { LocalEngine } from '../../engine/local/engine.js';
import { TERMINATED } from '../../engine/local/run.js';
import { RUNTIME_CHOICES, type RuntimeChoice, selectRuntime } from '../../engine/local/runtime/select.js';
import type { WorkflowStatus } from '../../engine/status.js';
import type { SubmittedWorkflow } from '../../engine/types.js';
import { inputError, ReproError } from '../../errors.js';
import type { RunRecord } from '../../report/index.js';
import { collectFromStore } from '../../results/index.js';
import { FsArtifactStore } from '../../storage/index.js';
import { loadWorkflow } from '../../workflow/load.js';
import { parseParameterFlags } from '../../workflow/parameters.js';
import { createProgressView } from '../progress.js';
import { printReport, readOptions, reportOn } from '../reporting.js';

interface RunFlags {
  parameter: string[];
  parameterFile?: string;
  runtime: RuntimeChoice;
  parallelism?: number;
  store: string;
  name?: string;
  config?: string;
  out?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw inputError(`--parallelism must be a whole number of at least 1, got '${value}'.`);
  return n;
}

/** Parameters from --parameter-file (a YAML or JSON map), then -p flags, which win. */
export async function readParameters(
  file: string | undefined,
  flags: string[],
): Promise<Record<string, string>> {
  let fromFile: Record<string, string> = {};
  if (file) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw inputError(`--parameter-file ${file}: no such file.`);
    });
    const parsed = parseYaml(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw inputError(`--parameter-file ${file}: expected a map of name: value.`);
    }
    fromFile = Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return { ...fromFile, ...parseParameterFlags(flags) };
}

/** Shows progress until the run ends; Ctrl-C or SIGTERM stops every pod first. */
async function watchUntilDone(
  engine: LocalEngine,
  submitted: SubmittedWorkflow,
): Promise<{ status: WorkflowStatus; interrupted?: NodeJS.Signals }> {
  const view = createProgressView(submitted, process.stdout, (pod) => engine.logs(submitted.name, pod));
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    void engine.stop(submitted.name, TERMINATED);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let final: WorkflowStatus | undefined;
  try {
    for await (const status of engine.watch(submitted.name)) {
      final = status;
      view.update(status);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const status = final as WorkflowStatus;
  await view.finish(status);
  return { status, ...(interrupted ? { interrupted } : {}) };
}

/** The run record beside the artifacts lets `repro report <run folder>` rebuild the provenance. */
async function saveRunRecord(store: FsArtifactStore, workDir: string, record: RunRecord): Promise<void> {
  const file = join(workDir, record.workflow, 'run.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  await store.putFile(`${record.workflow}/run.json`, file);
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('Run an Argo workflow on this machine')
    .argument('[workflow]', 'a workflow file, or a folder holding one', '.')
    .option(
      '-p, --parameter <name=value>',
      'set a workflow parameter (repeatable), as argo submit -p',
      collect,
      [],
    )
    .option('--parameter-file <file>', 'a YAML or JSON map of parameter values')
    .addOption(new Option('--runtime <runtime>', 'where pods run').choices(RUNTIME_CHOICES).default('auto'))
    .option(
      '--parallelism <n>',
      'the most pods running at once (default: spec.parallelism, else the number of cores)',
      positiveInt,
    )
    .option('--store <dir>', 'artifact store folder', '.repro/artifacts')
    .option('--name <name>', 'the workflow name (default: from metadata.name or generateName)')
    .option('--config <file>', 'the repro.yml (default: repro.yml beside the workflow)')
    .option('--out <dir>', 'where to write the report (default: .repro/report/<workflow>/)')
    .action(async (target: string, flags: RunFlags) => {
      const workflow = await loadWorkflow(target);
      const { config, dir: configDir } = await loadConfig(flags.config ?? join(workflow.dir, CONFIG_FILE), {
        required: flags.config !== undefined,
      });
      const parameters = {
        ...config.parameters,
        ...(await readParameters(flags.parameterFile, flags.parameter)),
      };
      const { runtime, reason } = await selectRuntime(flags.runtime);
      process.stderr.write(`runtime: ${runtime.name} (${reason})\n`);
      const store = new FsArtifactStore(flags.store);
      const workDir = join(flags.store, '..', 'work');
      const engine = new LocalEngine({
        store,
        runtime,
        workDir,
        ...(flags.parallelism !== undefined ? { parallelism: flags.parallelism } : {}),
        onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      });
      const submitted = await engine.submit(workflow, {
        parameters,
        ...(flags.name ? { name: flags.name } : {}),
      });
      const { status, interrupted } = await watchUntilDone(engine, submitted);

      // Even a failed or stopped run is reported: whatever results it wrote are not lost.
      const record: RunRecord = {
        workflow: submitted.name,
        parameters: submitted.parameters,
        engine: engine.name,
        runtime: runtime.name,
        status,
      };
      await saveRunRecord(store, workDir, record);
      const results = await collectFromStore(
        store,
        `${submitted.name}/${config.results.prefix}`,
        readOptions(config),
      );
      const report = await reportOn(
        results,
        config,
        flags.out ?? join('.repro', 'report', submitted.name),
        record,
        configDir,
      );
      printReport(report, (t) => process.stdout.write(t));

      if (interrupted)
        throw new ReproError(
          'interrupted',
          `workflow ${submitted.name} was stopped by ${interrupted}; every pod was killed.`,
        );
      if (status.phase !== 'Succeeded') {
        throw new ReproError(
          'failed',
          `workflow ${submitted.name} ${status.phase}${status.message ? `: ${status.message}` : ''}.`,
        );
      }
    });
}
