import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import * as core from '@actions/core';
import type { Diagnostic } from '../model/types.js';

/**
 * How the Action talks back to the workflow: step outputs, the job summary, annotations and the
 * log. Every write goes through here so a command reads as what it reports, not how.
 */
export class ActionReporter {
  constructor(
    private readonly env: Record<string, string | undefined>,
    /** Diagnostics name files relative to the templates repository; annotations need the workspace. */
    private readonly repoDir: string,
    private readonly workspace: string,
  ) {}

  output(name: string, value: string | number | boolean | object): void {
    core.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }

  info(message: string): void {
    core.info(message);
  }

  warning(message: string, where?: { file: string; line?: number }): void {
    core.warning(message, where ? { file: this.workspacePath(where.file), startLine: where.line } : undefined);
  }

  /** One `::error file=…,line=…,col=…::` annotation per diagnostic, shown on the changed line. */
  annotate(diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
      core.error(d.message, { title: 'svcplan', file: this.workspacePath(d.file), startLine: d.line, startColumn: d.column });
    }
  }

  fail(message: string): void {
    core.setFailed(message);
  }

  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY), when the runner provides one. */
  async summary(markdown: string): Promise<void> {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    await appendFile(file, markdown.endsWith('\n') ? markdown : markdown + '\n');
  }

  /** Writes a file for later steps and returns its path. */
  async writeFile(dir: string, name: string, content: string): Promise<string> {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  private workspacePath(file: string): string {
    const absolute = isAbsolute(file) ? file : join(this.repoDir, file);
    const rel = relative(this.workspace, absolute);
    return rel.startsWith('..') ? absolute : rel.split('\\').join('/');
  }
}
