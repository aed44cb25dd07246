/** The content model: one module per concept, shared by the site, scripts and tests. */
export * from './taxonomy';
export * from './blueprint';
export * from './playbook';
export * from './organisation';
export * from './adoption';
export * from './glossary';
export { titleProblem } from './title';
export * from './where-to-start';
export * from './guide-answers';
export * from './template';
