/**
 * <feedback-form>: the feedback page (src/pages/feedback.astro), a question form
 * (./question-form.ts). The page address fills in the page (?page=<its file>&title=<its title>,
 * as "Give feedback on this page" gives it): the file in the answer, the title said above the
 * questions and put in the GitHub issue's title. Without JavaScript the form goes to GitHub's
 * feedback issue form.
 */
import { feedbackPageQuestions, missingFeedbackAnswers } from '../../lib/contribute/feedback-questions';
import { defineQuestionForm } from './question-form';

// Continuing on GitHub instead titles the issue after the page.
const title = new URLSearchParams(location.search).get('title')?.trim();
const issueTitle = document.querySelector<HTMLInputElement>('feedback-form input[name="title"]');
if (title && issueTitle) issueTitle.value = `Feedback: ${title}`;

defineQuestionForm('feedback-form', {
  questions: feedbackPageQuestions,
  missing: missingFeedbackAnswers,
  fromAddress: ['page'],
  titleLine: (title) => `Your feedback is about “${title}”.`,
  sentText: ({ issue }, link) => {
    if (issue) return ['The site team can read it as ', link(issue.url, `issue #${issue.number}`), ' on GitHub, and will reply there.'];
    return ['The sending service is passing it to the site team on GitHub.'];
  },
});
