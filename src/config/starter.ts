/** The files `repro init` writes: a commented repro.yml, and a workflow skeleton when none exists. */

export function starterConfig(
  workflowFile: string,
  parameters: readonly { name: string; value?: string }[],
): string {
  const params = parameters.length
    ? parameters.map((p) => `  # ${p.name}: "${p.value ?? ''}"`).join('\n')
    : '  # seeds: "30"';
  const allow = parameters.length
    ? parameters.map((p) => `  # ${p.name}:\n  #   regex: "[A-Za-z0-9_.-]+"`).join('\n')
    : '  # seeds:\n  #   integer: { min: 1, max: 100 }';
  return `# Repro configuration. Every field is optional; docs/config.md describes them all.

# The Argo workflow to run, relative to this file.
workflow: ${workflowFile}

# Default values for workflow parameters (they override the workflow's own).
parameters:
${params}

# Parameters a /reproduce comment may set, each with a rule: enum, integer range or regex.
# A parameter without a rule cannot be set from a comment.
allow:
${allow}
  # dataset:
  #   enum: [iris, wine]

# Where the runs write tidy results, and how to read them.
results:
  prefix: results          # key prefix under the workflow name: {{workflow.name}}/results/...
  format: auto             # auto (by file extension) | csv | jsonl
  columns: {}              # map your column names, e.g. { algorithm: method, value: error }
  metric: value            # the metric's name in the report
  direction: minimize      # minimize | maximize

analysis:
  alpha: 0.05
  paired: auto             # auto: paired when every algorithm ran the same seeds
  # control: baseline      # compare every algorithm against this one only

# The paper's claims, checked on every run.
claims: []
  # - better: my-method
  #   than: baseline
  #   dataset: iris
  # - algorithm: my-method
  #   dataset: iris
  #   statistic: median      # median | mean
  #   value: 0.95
  #   tolerance: 2%          # absolute (0.01) or relative ("2%")

# The image the Action builds and pushes.
image:
  dockerfile: Dockerfile
  context: .
`;
}

export const STARTER_WORKFLOW = `# A workflow skeleton: one pod per algorithm and seed, each writing tidy CSV rows
# (algorithm,dataset,seed,step,value) to {{workflow.name}}/results/... in the artifact store.
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: experiment-
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: seeds
        value: "30"
  templates:
    - name: main
      steps:
        - - name: run
            template: run
            arguments:
              parameters:
                - name: algorithm
                  value: "{{item.algorithm}}"
                - name: seed
                  value: "{{item.seed}}"
            withItems:
              - { algorithm: baseline, seed: "1" }
              - { algorithm: my-method, seed: "1" }
    - name: run
      inputs:
        parameters:
          - name: algorithm
          - name: seed
      container:
        image: my-experiment:latest
        command: [sh, -c]
        args:
          - |
            mkdir -p /tmp/out
            echo "algorithm,dataset,seed,step,value" > /tmp/out/results.csv
            echo "{{inputs.parameters.algorithm}},default,{{inputs.parameters.seed}},1,0.5" >> /tmp/out/results.csv
        resources:
          limits:
            cpu: "1"
            memory: 1Gi
      outputs:
        artifacts:
          - name: results
            path: /tmp/out/results.csv
            archive:
              none: {}
            s3:
              key: "{{workflow.name}}/results/{{inputs.parameters.algorithm}}/{{inputs.parameters.seed}}.csv"
`;
