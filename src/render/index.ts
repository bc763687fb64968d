export { renderText } from './text.js';
export { renderMarkdown, escapeMarkdown, PLAN_COMMENT_MARKER, RUNNER_DIGESTS_MARKER, GITHUB_COMMENT_LIMIT } from './markdown.js';
export { renderJson } from './json.js';
export { summarySentence } from './words.js';
