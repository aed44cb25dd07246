/** Fills the "ready to send" panel: a readable summary, the hand-off links and the file itself. */
import { linesOf, sectionsOf, type DraftValues } from '../../lib/contribute/draft';
import type { HandOff } from '../../lib/contribute/hand-off';
import { questionById } from '../../lib/contribute/questions';
import { labelOf } from '../../lib/schema/taxonomy';

let downloadUrl: string | undefined;

function text(values: DraftValues, id: string): string {
  const v = values[id];
  return Array.isArray(v) ? v.join(', ') : (v ?? '').trim();
}

/** A choice field's labels, e.g. "Acute, Community". */
function labels(values: DraftValues, id: string): string {
  const terms = questionById(id)?.terms ?? [];
  const v = values[id];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.map((value) => labelOf(terms, value)).join(', ');
}

function row(key: string, value: string | Node): HTMLElement {
  const div = document.createElement('div');
  div.className = 'nhsuk-summary-list__row';
  const dt = document.createElement('dt');
  dt.className = 'nhsuk-summary-list__key';
  dt.textContent = key;
  const dd = document.createElement('dd');
  dd.className = 'nhsuk-summary-list__value';
  dd.append(value);
  div.append(dt, dd);
  return div;
}

function list(items: string[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0';
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  return ul;
}

export function showResult(panel: HTMLElement, values: DraftValues, handOff: HandOff, organisationName: string, illustrative: boolean): void {
  const start = text(values, 'timeline-start');
  const end = text(values, 'timeline-end');
  const sections = Object.keys(sectionsOf(values));
  const rows: [string, string | Node][] = [
    ['Type', labels(values, 'type')],
    ['Domain', labels(values, 'domain')],
    ['Title', text(values, 'title')],
    ['Summary', text(values, 'summary')],
    ['Key questions', list(linesOf(text(values, 'keyQuestions')))],
    ['Starting problem', text(values, 'startingPoint-problem') || 'Not given'],
    ['Organisation', organisationName],
    ['Partners', text(values, 'partners') || 'None given'],
    ['Care settings', labels(values, 'careSettings')],
    ['Pillars', labels(values, 'pillars')],
    ['Capabilities', labels(values, 'capabilities') || 'None given'],
    ['EPR supplier', labels(values, 'eprSupplier') || 'No EPR supplier'],
    ['Standards', labels(values, 'standards') || 'None given'],
    ['Audience', labels(values, 'audience')],
    ['Cost', [labels(values, 'cost-band'), text(values, 'cost-note')].filter(Boolean).join(' – ')],
    ['Outcome', `${text(values, 'outcome-headline')} (${labels(values, 'outcome-evidence').toLowerCase()})`],
    ['Timeline', end ? `${start} to ${end}` : `${start} onwards`],
    ['Owner', [text(values, 'owner-name'), text(values, 'owner-role'), text(values, 'owner-github') && `@${text(values, 'owner-github').replace(/^@/, '')} on GitHub`].filter(Boolean).join(', ')],
    ['Contact', text(values, 'contact')],
    ['Sections written', sections.length ? list(sections) : 'None yet: the file keeps a prompt in each section'],
  ];
  if (illustrative) rows.push(['Illustrative example', 'Yes: the organisation is one of the site’s made-up examples, so the page will say so']);
  panel.querySelector('[data-summary]')!.replaceChildren(...rows.map(([k, v]) => row(k, v)));

  const issueLink = panel.querySelector<HTMLAnchorElement>('[data-issue-link]')!;
  issueLink.href = handOff.issue.url;
  const omitted = panel.querySelector<HTMLElement>('[data-issue-omitted]')!;
  omitted.hidden = handOff.issue.omitted.length === 0;
  omitted.textContent = handOff.issue.omitted.length
    ? `Your draft is too long to send in one link, so these sections are left out: ${handOff.issue.omitted.map((f) => f.label).join('; ')}. Copy them into the form from “See the file your draft becomes” below.`
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
