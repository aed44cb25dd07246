/**
 * The standard sections of a blueprint body, in order: what `npm run new` and the forms write.
 * "At a glance" and "Contact" are built from the front-matter, so the body starts at "Starting
 * point". Each prompt tells the author what to write; skeletons carry it as an MDX comment, which
 * the safety gate allows. The headings are a starting point, not a rule: authors rename, merge
 * and reorder them to follow their story. Only a redprint's "what went wrong" section is
 * required, and it is recognised by its meaning (src/lib/content/what-went-wrong.ts).
 */
export interface Section {
  heading: string;
  prompt: string;
  /** A redprint must fill this one in properly: it is the point of the document. */
  requiredForRedprint?: boolean;
}

export const blueprintSections: readonly Section[] = [
  { heading: 'Starting point', prompt: 'Your care setting, how digitally mature you were, which EPR you had, and the problem you set out to solve.' },
  { heading: 'What we did', prompt: 'The steps you took, in order, with a rough timeline. Say who did each thing.' },
  { heading: 'People and workforce', prompt: 'The team: roles (CIO, CCIO, CNIO, CDIO and others), whole-time equivalents, backfill, the skills you needed and how you found them.' },
  { heading: 'Leadership, governance and clinical safety', prompt: 'Who sponsored it, how clinicians were involved, how decisions were made, and your DCB0160 clinical safety work.' },
  { heading: 'Technology and standards', prompt: 'Systems, suppliers, integrations and the standards you used (for example SNOMED CT, FHIR UK Core, NHS number).' },
  { heading: 'Costs and funding', prompt: 'Capital and revenue costs, where the money came from, and what you would budget for next time.' },
  { heading: 'Benefits and evidence', prompt: 'What changed, with numbers where you have them, and how you measured it.' },
  { heading: 'What went wrong and what we would do differently', prompt: 'Be honest: what did not work, what it cost you, and what you would do instead. At least 120 words, with at least one thing another organisation could avoid.', requiredForRedprint: true },
  { heading: 'How to adopt this', prompt: 'What another organisation needs in place first, and what it should change to fit local circumstances.' },
  { heading: 'Resources', prompt: 'Links to your business case, standard operating procedures, training material or templates.' },
];
