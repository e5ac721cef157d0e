import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { inputError } from '../errors.js';
import { filesUnder } from './archive.js';
import { ArtifactNotFound, type ArtifactStore } from './types.js';

/** An artifact store in a local folder: key `a/b/c.tgz` is the file `<root>/a/b/c.tgz`. */
export class FsArtifactStore implements ArtifactStore {
  readonly location: string;

  constructor(root: string) {
    this.location = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.location, key);
    if (key === '' || !path.startsWith(this.location + sep)) {
      throw inputError(`Artifact key '${key}' points outside the store ${this.location}.`);
    }
    return path;
  }

  async putFile(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
  }

  async getToFile(key: string, file: string): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    await copyFile(this.pathOf(key), file).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' ? new ArtifactNotFound(key, this.location) : err;
    });
  }

  async list(prefix: string): Promise<string[]> {
    const folder = prefix.replace(/\/+$/, '');
    return (await filesUnder(this.pathOf(folder))).map((file) => `${folder}/${file}`);
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }
}
