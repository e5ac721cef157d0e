/**
 * The subset of Argo's Workflow model the local engine implements, as strict zod schemas: a field
 * Repro does not implement is refused by name, never silently ignored. Fields that only steer a
 * cluster (scheduling, service accounts, garbage collection) cannot change a run's results, so they
 * are accepted and ignored; they are listed in IGNORED_FIELDS and in docs/local-engine.md.
 */
import { z } from 'zod';

/** Argo's AnyString: YAML numbers and booleans are strings to Argo. */
const anyString = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const intOrString = z.union([z.number().int(), z.string()]);

/** Fields accepted and ignored, per object kind. */
export const IGNORED_FIELDS = {
  metadata: [
    'labels',
    'annotations',
    'namespace',
    'uid',
    'resourceVersion',
    'creationTimestamp',
    'generation',
  ],
  spec: [
    'serviceAccountName',
    'automountServiceAccountToken',
    'podGC',
    'ttlStrategy',
    'nodeSelector',
    'tolerations',
    'affinity',
    'imagePullSecrets',
    'priorityClassName',
    'podPriorityClassName',
    'schedulerName',
    'podMetadata',
    'workflowMetadata',
    'archiveLogs',
    'artifactRepositoryRef',
    'securityContext',
    'dnsPolicy',
    'dnsConfig',
    'podDisruptionBudget',
    'shutdown',
  ],
  template: [
    'metadata',
    'nodeSelector',
    'tolerations',
    'affinity',
    'serviceAccountName',
    'automountServiceAccountToken',
    'securityContext',
    'priorityClassName',
    'schedulerName',
    'archiveLocation',
    'hostAliases',
  ],
  /** Where a cluster's artifact repository is: locally every key lives in the one local store. */
  s3: [
    'bucket',
    'endpoint',
    'region',
    'insecure',
    'accessKeySecret',
    'secretKeySecret',
    'roleARN',
    'useSDKCreds',
    'createBucketIfNotPresent',
    'encryptionOptions',
    'caSecret',
  ],
  container: [
    'name',
    'imagePullPolicy',
    'securityContext',
    'ports',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'tty',
    'stdin',
  ],
} as const;

/** A strict object that also accepts (and drops from its type) fields listed as ignored. */
function ignoring<T extends z.ZodRawShape>(shape: T, ignored: readonly string[]) {
  const extra = Object.fromEntries(ignored.map((k) => [k, z.unknown().optional()]));
  return z.strictObject({ ...shape, ...extra }) as unknown as z.ZodObject<T, z.core.$strict>;
}

export const parameterSchema = z.strictObject({
  name: z.string().min(1),
  value: anyString.optional(),
  default: anyString.optional(),
  enum: z.array(anyString).optional(),
  description: z.string().optional(),
  globalName: z.string().optional(),
  valueFrom: z
    .strictObject({
      path: z.string().optional(),
      default: anyString.optional(),
      parameter: z.string().optional(),
    })
    .optional(),
});

const archiveSchema = z.strictObject({
  none: z.strictObject({}).optional(),
  tar: z.strictObject({ compressionLevel: z.number().int().optional() }).optional(),
});

export const artifactSchema = z.strictObject({
  name: z.string().min(1),
  path: z.string().optional(),
  from: z.string().optional(),
  s3: ignoring({ key: z.string().min(1) }, IGNORED_FIELDS.s3).optional(),
  archive: archiveSchema.optional(),
  optional: z.boolean().optional(),
  /** File mode of an input artifact once staged, e.g. 0o755 (YAML: 0755 or 493). */
  mode: z.number().int().optional(),
});

const argumentsSchema = z.strictObject({
  parameters: z.array(parameterSchema).optional(),
  artifacts: z.array(artifactSchema).optional(),
});

const quantity = z.union([z.string(), z.number()]).transform(String);
const resourcesSchema = z.strictObject({
  requests: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
});

const containerShape = {
  image: z.string().min(1),
  command: z.array(anyString).optional(),
  args: z.array(anyString).optional(),
  env: z.array(z.strictObject({ name: z.string().min(1), value: anyString.optional() })).optional(),
  workingDir: z.string().optional(),
  resources: resourcesSchema.optional(),
};
export const containerSchema = ignoring(containerShape, IGNORED_FIELDS.container);
export const scriptSchema = ignoring({ ...containerShape, source: z.string() }, IGNORED_FIELDS.container);

const continueOnSchema = z.strictObject({ failed: z.boolean().optional(), error: z.boolean().optional() });
const sequenceSchema = z.strictObject({
  count: intOrString.optional(),
  start: intOrString.optional(),
  end: intOrString.optional(),
  format: z.string().optional(),
});

const invocationShape = {
  name: z.string().min(1),
  template: z.string().min(1),
  arguments: argumentsSchema.optional(),
  when: z.string().optional(),
  withItems: z.array(z.unknown()).optional(),
  withParam: z.string().optional(),
  withSequence: sequenceSchema.optional(),
  continueOn: continueOnSchema.optional(),
  onExit: z.string().optional(),
};
export const stepSchema = z.strictObject(invocationShape);
export const taskSchema = z.strictObject({
  ...invocationShape,
  dependencies: z.array(z.string()).optional(),
  depends: z.string().optional(),
});

const retryStrategySchema = z.strictObject({
  limit: intOrString.optional(),
  retryPolicy: z.enum(['Always', 'OnFailure', 'OnError', 'OnTransientError']).optional(),
  backoff: z
    .strictObject({
      duration: z.union([z.string(), z.number()]).optional(),
      factor: intOrString.optional(),
      maxDuration: z.string().optional(),
    })
    .optional(),
});

export const templateSchema = ignoring(
  {
    name: z.string().min(1),
    inputs: argumentsSchema.optional(),
    outputs: z
      .strictObject({
        parameters: z.array(parameterSchema).optional(),
        artifacts: z.array(artifactSchema).optional(),
      })
      .optional(),
    container: containerSchema.optional(),
    script: scriptSchema.optional(),
    steps: z.array(z.array(stepSchema)).optional(),
    dag: z
      .strictObject({
        tasks: z.array(taskSchema),
        failFast: z.boolean().optional(),
        target: z.string().optional(),
      })
      .optional(),
    retryStrategy: retryStrategySchema.optional(),
    activeDeadlineSeconds: intOrString.optional(),
    timeout: z.string().optional(),
    parallelism: z.number().int().positive().optional(),
    failFast: z.boolean().optional(),
  },
  IGNORED_FIELDS.template,
);

const metadataSchema = ignoring(
  { name: z.string().optional(), generateName: z.string().optional() },
  IGNORED_FIELDS.metadata,
);

export const specSchema = ignoring(
  {
    entrypoint: z.string().optional(),
    arguments: argumentsSchema.optional(),
    templates: z.array(templateSchema).optional(),
    workflowTemplateRef: z
      .strictObject({ name: z.string().min(1), clusterScope: z.literal(false).optional() })
      .optional(),
    parallelism: z.number().int().positive().optional(),
    activeDeadlineSeconds: intOrString.optional(),
    onExit: z.string().optional(),
  },
  IGNORED_FIELDS.spec,
);

export const manifestSchema = z.strictObject({
  apiVersion: z.literal('argoproj.io/v1alpha1'),
  kind: z.enum(['Workflow', 'WorkflowTemplate']),
  metadata: metadataSchema,
  spec: specSchema,
});

export type Parameter = z.infer<typeof parameterSchema>;
export type Artifact = z.infer<typeof artifactSchema>;
export type Arguments = z.infer<typeof argumentsSchema>;
export type Container = z.infer<typeof containerSchema>;
export type Script = z.infer<typeof scriptSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Invocation = Step | Task;
export type RetryStrategy = z.infer<typeof retryStrategySchema>;
export type Template = z.infer<typeof templateSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
