/** What the browser's forms hold the submission gateway's answers to (gateway/README.md, "The API"). */

/** The shape of a submission id the gateway makes, as a pattern to build on. */
export const submissionIdShape = '[A-Za-z0-9_-]{1,100}';

/** A submission id: anything else, stored or answered, is ignored. */
export const submissionId = new RegExp(`^${submissionIdShape}$`);

/**
 * What a form says when the gateway does not answer at all: it is down, stopped, or slower than
 * `requestTimeoutMs`. The page itself loaded, so the reader's connection is seldom the cause, and
 * telling NHS staff to check it sends them to their IT desk. Each form goes on to say what to do.
 */
export const gatewayNotAnswering = 'The sending service is not answering. It may be down';

/** How long one request to the gateway may take before a form says it could not reach it; the gateway gives up on a request after 30 s. */
export const requestTimeoutMs = 40_000;
