// The boxes a plan needs, fetched before any machine is touched: a `vagrant up` that meets a
// missing box downloads it in the middle of a rollout (or fails there). Vagrant keeps boxes under
// $VAGRANT_HOME/boxes/<name, '/' as -VAGRANTSLASH->/<version>/<provider>/ (BoxCollection, a
// provider folder counting when it holds metadata.json), and finds a version by Gem::Version
// equality (`= 1.0.0` is satisfied by a folder `1.0`).

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BoxRef } from '../../driver.js';
import { parseMachineReadable } from './status.js';

export function boxLabel(box: BoxRef): string {
  return `${box.name} ${box.version} (${box.provider})`;
}

export function boxKey(box: BoxRef): string {
  return JSON.stringify([box.name, box.version, box.provider]);
}

/** BoxCollection#dir_name on a POSIX host. */
export function boxDirName(name: string): string {
  return name.replace(/\//g, '-VAGRANTSLASH-');
}

/** Whether Vagrant's box collection under `home` holds the box. */
export function boxOnDisk(home: string, box: BoxRef): boolean {
  const dir = join(home, 'boxes', boxDirName(box.name));
  let versions: string[];
  try {
    versions = readdirSync(dir);
  } catch {
    return false;
  }
  return versions.some((v) => !v.startsWith('.') && sameGemVersion(v, box.version) && existsSync(join(dir, v, box.provider, 'metadata.json')));
}

/** `vagrant box list --machine-readable`: box-name, box-provider, box-version per box, in that order. */
export function parseBoxList(output: string): BoxRef[] {
  const boxes: BoxRef[] = [];
  let current: Partial<BoxRef> = {};
  for (const line of parseMachineReadable(output)) {
    const value = line.data[0] ?? '';
    if (line.type === 'box-name') current = { name: value };
    else if (line.type === 'box-provider') current.provider = value;
    else if (line.type === 'box-version') {
      current.version = value;
      if (current.name && current.provider) boxes.push({ name: current.name, provider: current.provider, version: value });
      current = {};
    }
  }
  return boxes;
}

export function boxListed(list: BoxRef[], box: BoxRef): boolean {
  return list.some((b) => b.name === box.name && b.provider === box.provider && sameGemVersion(b.version, box.version));
}

/**
 * Gem::Version equality: the version cut into numbers and words, trailing zeros of the release
 * part dropped (`1.0` = `1.0.0`; `1.0.a` is a prerelease, not `1.0`).
 */
export function sameGemVersion(a: string, b: string): boolean {
  const ca = canonicalSegments(a);
  const cb = canonicalSegments(b);
  return ca !== undefined && cb !== undefined && ca.length === cb.length && ca.every((s, i) => s === cb[i]);
}

function canonicalSegments(version: string): (string | number)[] | undefined {
  const v = version.trim();
  if (!/^[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(v)) return undefined;
  // Gem::Version turns "-" into ".pre." before reading segments.
  const segments = v
    .replace(/-/g, '.pre.')
    .match(/[0-9]+|[a-z]+/gi)!
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
  const firstWord = segments.findIndex((s) => typeof s === 'string');
  const release = firstWord < 0 ? segments : segments.slice(0, firstWord);
  const pre = firstWord < 0 ? [] : segments.slice(firstWord);
  while (release.length > 0 && release[release.length - 1] === 0) release.pop();
  return [...release, ...pre];
}
