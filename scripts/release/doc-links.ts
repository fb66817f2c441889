/**
 * The n8n package's documentation links (credential `documentationUrl`, the nodes' codex files)
 * point into the repository's n8n-nodes README, so they follow release.json's repository too.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const LINK = /https:\/\/[^\s'"]+?\/tree\/main\/n8n-nodes#/g;

/** Credential classes and node codex files of the n8n package. */
export function docLinkFiles(root: string): string[] {
  const credentials = path.join(root, 'n8n-nodes/credentials');
  const nodes = path.join(root, 'n8n-nodes/nodes');
  return [
    ...readdirSync(credentials).filter((name) => name.endsWith('.credentials.ts')).map((name) => path.join(credentials, name)),
    ...readdirSync(nodes, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.node.json')).map((name) => path.join(nodes, name)),
  ].sort();
}

/** Every link into the n8n README in a file's text, up to the `#`. */
export function docLinkBases(text: string): string[] {
  return text.match(LINK) ?? [];
}

export function withDocLinks(text: string, repository: string): string {
  return text.replace(LINK, `${repository}/tree/main/n8n-nodes#`);
}
