/** Matching guidance to a trust: its profile, scoring with reasons, and the where-to-start sequencing. */
export * from './profile';
export * from './score';
export * from './sequence';
export * from './data';
