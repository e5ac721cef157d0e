export { packTgz, unpackTgz } from './archive.js';
export { FsArtifactStore } from './fs-store.js';
export { ArtifactNotFound, type ArtifactStore } from './types.js';
