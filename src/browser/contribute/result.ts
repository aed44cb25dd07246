/** Fills the send step: the hand-off links and the file itself. */
import type { HandOff } from '../../lib/contribute/hand-off';

let downloadUrl: string | undefined;

export function showResult(panel: HTMLElement, handOff: HandOff): void {
  const issueLink = panel.querySelector<HTMLAnchorElement>('[data-issue-link]')!;
  issueLink.href = handOff.issue.url;
  const omitted = panel.querySelector<HTMLElement>('[data-issue-omitted]')!;
  omitted.hidden = handOff.issue.omitted.length === 0;
  omitted.textContent = handOff.issue.omitted.length
    ? `Your draft is too long to send in one link, so these sections are left out: ${handOff.issue.omitted.map((f) => f.label).join('; ')}. Copy them into the GitHub form from “See the file your draft becomes” below.`
    : '';

  const newFileItem = panel.querySelector<HTMLElement>('[data-new-file-item]')!;
  const unavailable = panel.querySelector<HTMLElement>('[data-new-file-unavailable]')!;
  newFileItem.hidden = !handOff.newFile;
  unavailable.hidden = !!handOff.newFile;
  if (handOff.newFile) panel.querySelector<HTMLAnchorElement>('[data-new-file-link]')!.href = handOff.newFile;
  panel.querySelector('[data-new-file-reason]')!.textContent =
    handOff.newFileUnavailable === 'organisation-not-listed'
      ? 'Creating the file on GitHub yourself needs your organisation to be on the site first, so use the GitHub form: the site team adds your organisation.'
      : handOff.newFileUnavailable === 'too-long'
        ? 'Your draft is too long to open on GitHub in a link. Download the file instead, then on GitHub choose “Add file”, then “Upload files”, in the src/content/blueprints folder.'
        : '';

  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([handOff.mdx], { type: 'text/markdown;charset=utf-8' }));
  const download = panel.querySelector<HTMLAnchorElement>('[data-download]')!;
  download.href = downloadUrl;
  download.download = handOff.fileName;
  download.textContent = `Download the file (${handOff.fileName})`;
  panel.querySelector('[data-file-name]')!.textContent = handOff.fileName;
  panel.querySelector('[data-mdx]')!.textContent = handOff.mdx;
  panel.hidden = false;
}
