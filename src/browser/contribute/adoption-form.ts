/**
 * <adoption-form>: the "We are using this" page (src/pages/we-are-using-this.astro), a question
 * form (./question-form.ts). The page address fills in the blueprint (?blueprint=<short name>, as
 * the link on each blueprint page gives it) and the organisation (&organisation=<short name>, as
 * the reminder to update a record does). Without JavaScript the form goes to GitHub's issue form.
 */
import { missingAdoptionAnswers, adoptionPageQuestions } from '../../lib/contribute/adoption-questions';
import { defineQuestionForm } from './question-form';

defineQuestionForm('adoption-form', {
  questions: adoptionPageQuestions,
  missing: missingAdoptionAnswers,
  fromAddress: ['blueprint', 'organisation'],
  sentText: ({ pullRequest }, link) => {
    if (pullRequest) return ['It is open for review as ', link(pullRequest.url, `pull request #${pullRequest.number}`), '.'];
    return ['The sending service is opening it on GitHub.'];
  },
});
