/**
 * <review-form>: the review page (src/pages/review.astro), a question form (./question-form.ts)
 * sent through the gateway only. The page address fills in the blueprint (?blueprint=<its slug>
 * &title=<its title>, as "Review this blueprint" gives it), and the title is said above the questions.
 */
import { missingReviewAnswers, reviewPageQuestions } from '../../lib/contribute/owner-review-questions';
import { defineQuestionForm, sentToSiteTeam } from './question-form';

defineQuestionForm('review-form', {
  questions: reviewPageQuestions,
  missing: missingReviewAnswers,
  fromAddress: ['blueprint'],
  titleLine: (title) => `You are reviewing “${title}”.`,
  sentText: sentToSiteTeam,
});
