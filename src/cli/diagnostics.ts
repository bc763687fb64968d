import { formatDiagnostic, type Diagnostic } from '../model/types.js';
import { styler } from './io.js';

/** Every diagnostic as `file:line:column: message`, one a line, in file order. */
export function formatDiagnostics(diagnostics: Diagnostic[], color = false): string {
  const style = styler(color);
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return sorted
    .map((d) => {
      const text = formatDiagnostic(d);
      const at = `${d.file}:${d.line}:${d.column}:`;
      return style('bold', at) + style('red', text.slice(at.length)) + '\n';
    })
    .join('');
}
