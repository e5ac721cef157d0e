/**
 * Argo's naming of nodes and pods (workflow/util/pod_name.go and wfv1.NodeID), so that names and IDs
 * in a local run are the ones the cluster would give.
 */

/** 32-bit FNV-1a of the UTF-8 bytes of a string. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The node ID: the workflow name for the root node, else `<workflow>-<fnv32a(nodeName)>`. */
export function nodeId(workflowName: string, nodeName: string): string {
  return nodeName === workflowName ? workflowName : `${workflowName}-${fnv32a(nodeName)}`;
}

const MAX_NAME = 253;
const HASH_LENGTH = 10;

/** Pod names, format v2: `<workflow>-<template>-<fnv32a(nodeName)>`, prefix cut to fit 253 characters. */
export function podName(workflowName: string, nodeName: string, templateName: string): string {
  if (workflowName === nodeName) return workflowName;
  let prefix = nodeName.includes('.inline') ? workflowName : `${workflowName}-${templateName}`;
  if (prefix.length > MAX_NAME - HASH_LENGTH - 1) prefix = prefix.slice(0, MAX_NAME - HASH_LENGTH - 1);
  return `${prefix}-${fnv32a(nodeName)}`;
}

/** A `generateName` completed as the API server does: five characters from [a-z0-9]. */
export function generateName(prefix: string, random: () => number = Math.random): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += alphabet[Math.floor(random() * alphabet.length)];
  return `${prefix}${suffix}`;
}
