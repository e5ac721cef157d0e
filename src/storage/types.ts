/**
 * Where run artifacts live, with the key layout of an Argo S3 artifact repository:
 * `<workflow>/<pod>/<artifact>.tgz`, or an explicit `s3.key` such as `<workflow>/results/<run>.csv`.
 */
export interface ArtifactStore {
  /** Copies a file into the store under `key`. */
  putFile(key: string, file: string): Promise<void>;
  /** Copies the object at `key` into `file`; throws ArtifactNotFound if there is none. */
  getToFile(key: string, file: string): Promise<void>;
  /** Every key under `prefix` taken as a folder (`prefix/…`), sorted. */
  list(prefix: string): Promise<string[]>;
  exists(key: string): Promise<boolean>;
  /** Where the store is, for messages: a folder or a bucket URL. */
  readonly location: string;
}

export class ArtifactNotFound extends Error {
  constructor(
    readonly key: string,
    location: string,
  ) {
    super(`no artifact at key '${key}' in ${location}`);
  }
}
