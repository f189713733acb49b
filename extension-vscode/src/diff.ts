// Candidate ↔ baseline in VS Code's diff editor: two virtual documents (scheme sigil-candidate) from sigil/candidate/diff.
import * as path from 'path';
import * as vscode from 'vscode';
import { SigilContext, errorText } from './context';
import { shortId } from './chartData';
import { CandidateDiffResult, Methods } from './protocol';

export const CandidateScheme = 'sigil-candidate';

/** The virtual documents' texts, by URI. */
export class CandidateContentProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/** The diff editor's title: `Kernels.cs: baseline ↔ candidate ab92c3…`. */
export function diffTitle(file: string | null | undefined, candidate: string): string {
  const name = file ? path.basename(file) : 'candidate';
  return `${name}: baseline ↔ candidate ${shortId(candidate, 6)}…`;
}

export function candidateUris(candidate: string, file: string | null | undefined): { baseline: vscode.Uri; candidate: vscode.Uri; patch: vscode.Uri } {
  const hex = shortId(candidate, 64);
  const name = file ? path.basename(file) : 'candidate.cs';
  return {
    baseline: vscode.Uri.from({ scheme: CandidateScheme, path: `/${hex}/baseline/${name}` }),
    candidate: vscode.Uri.from({ scheme: CandidateScheme, path: `/${hex}/candidate/${name}` }),
    patch: vscode.Uri.from({ scheme: CandidateScheme, path: `/${hex}/${name}.diff` }),
  };
}

export async function openCandidateDiff(sigil: SigilContext, provider: CandidateContentProvider, candidate: string): Promise<void> {
  let diff: CandidateDiffResult;
  try {
    diff = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Sigil: loading ${shortId(candidate)}` },
      () => sigil.request<CandidateDiffResult>(Methods.candidateDiff, { candidate }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Sigil: cannot show candidate ${shortId(candidate)}: ${errorText(e)}`);
    return;
  }
  const uris = candidateUris(diff.candidate || candidate, diff.file);
  if (diff.baselineFileText != null && diff.candidateFileText != null) {
    provider.set(uris.baseline, diff.baselineFileText);
    provider.set(uris.candidate, diff.candidateFileText);
    await vscode.commands.executeCommand('vscode.diff', uris.baseline, uris.candidate, diffTitle(diff.file, diff.candidate || candidate), {
      preview: true,
    });
    return;
  }
  // The files changed since the candidate was made: its diff is all there is.
  provider.set(uris.patch, diff.diff);
  const doc = await vscode.workspace.openTextDocument(uris.patch);
  await vscode.languages.setTextDocumentLanguage(doc, 'diff');
  await vscode.window.showTextDocument(doc, { preview: true });
  void vscode.window.showWarningMessage(`Sigil: showing the diff of ${shortId(candidate)} only: ${diff.sourceWarning ?? 'the sources could not be rebuilt.'}`);
}
