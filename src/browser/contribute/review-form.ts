/**
 * <review-form>: the review page (src/pages/review.astro), a question form (./question-form.ts)
 * sent through the gateway only. The page address fills in the blueprint (?blueprint=<its slug>
 * &title=<its title>, as "Review this blueprint" gives it), and the title is said above the questions.
 */
import { missingReviewAnswers, reviewPageQuestions } from '../../lib/contribute/owner-review-questions';
import { defineQuestionForm } from './question-form';

defineQuestionForm('review-form', {
  questions: reviewPageQuestions,
  missing: missingReviewAnswers,
  fromAddress: ['blueprint'],
  titleLine: (title) => `You are reviewing “${title}”.`,
  sentText: ({ pullRequest, statusUrl }, link) => {
    if (pullRequest) return ['The site team can check it as ', link(pullRequest.url, `pull request #${pullRequest.number}`), ' on GitHub.'];
    if (statusUrl) return ['The sending service is passing it to the site team on GitHub: follow it on ', link(statusUrl, 'its own page'), '.'];
    return ['The sending service is passing it to the site team on GitHub.'];
  },
});
