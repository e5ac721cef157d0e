/** Where an artifact is in the store: one key, or every key under a prefix (fan-in). */
export type ArtifactRef = { key: string; archived: boolean } | { prefix: string };

/**
 * Variables visible to a template or step, layered: a child sees its parent's names unless it
 * sets its own. Artifact references are kept apart from string values, as `from:` needs them.
 */
export class Scope {
  private readonly values = new Map<string, string>();
  private readonly artifacts = new Map<string, ArtifactRef>();

  constructor(private readonly parent?: Scope) {}

  child(): Scope {
    return new Scope(this);
  }

  set(name: string, value: string): this {
    this.values.set(name, value);
    return this;
  }

  setArtifact(name: string, ref: ArtifactRef): this {
    this.artifacts.set(name, ref);
    return this;
  }

  get(name: string): string | undefined {
    return this.values.get(name) ?? this.parent?.get(name);
  }

  getArtifact(name: string): ArtifactRef | undefined {
    return this.artifacts.get(name) ?? this.parent?.getArtifact(name);
  }

  /** A lookup function for substitute(). */
  readonly lookup = (name: string): string | undefined => this.get(name);
}
