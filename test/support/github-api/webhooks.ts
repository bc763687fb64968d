// Real webhook payloads from @octokit/webhooks-examples, patched to point at a test repository.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface WebhookExamples {
  name: string;
  examples: Record<string, unknown>[];
}

let examples: WebhookExamples[] | undefined;

function all(): WebhookExamples[] {
  if (!examples) {
    const require = createRequire(import.meta.url);
    examples = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as WebhookExamples[];
  }
  return examples;
}

/**
 * A deep copy of the first published example of `event` (with `action`, when given), with the
 * repository renamed to owner/repo so a server or action under test accepts it.
 */
// Webhook payloads are arbitrary JSON that tests reach into freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function webhookExample(event: string, action?: string, repo?: { owner: string; repo: string }): Record<string, any> {
  const group = all().find((g) => g.name === event);
  if (!group) throw new Error(`@octokit/webhooks-examples has no ${event} event`);
  const found = group.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const copy = structuredClone(found) as Record<string, any>;
  if (repo && copy.repository) {
    copy.repository.name = repo.repo;
    copy.repository.full_name = `${repo.owner}/${repo.repo}`;
    if (copy.repository.owner) {
      copy.repository.owner.login = repo.owner;
      copy.repository.owner.name = repo.owner;
    }
  }
  return copy;
}
