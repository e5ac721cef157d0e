import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import * as tar from 'tar';

/** Packs a file or folder into a gzipped tarball holding one entry named after it, as Argo does. */
export async function packTgz(path: string, tgz: string, compressionLevel?: number): Promise<void> {
  const gzip = compressionLevel === undefined ? true : { level: compressionLevel };
  await tar.c({ gzip, file: tgz, cwd: dirname(path), portable: true }, [basename(path)]);
}

/**
 * Unpacks a tarball made by packTgz (or by Argo) so that `dest` becomes the file or folder that was
 * packed, whatever its name was; a tarball of several entries becomes a folder holding them.
 */
export async function unpackTgz(tgz: string, dest: string): Promise<void> {
  const scratch = await mkdtemp(join(dirname(dest), '.unpack-'));
  try {
    await tar.x({ file: tgz, cwd: scratch });
    const entries = await readdir(scratch);
    await rm(dest, { recursive: true, force: true });
    if (entries.length === 1) await rename(join(scratch, entries[0] as string), dest);
    else await rename(scratch, dest);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Every file under a folder, as sorted '/'-separated paths relative to it; none if it is missing. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
