// Types of the one-script-tag entry (badge-verifier.js): defines <badge-verifier> and
// <badge-portfolio> on import and re-exports the whole API.
export * from './verify.js';
export { BadgeVerifierElement, define, LANGUAGES } from './badge-verifier-element.js';
export type { BadgeErrorDetail, BadgeVerifierAttributes, BadgeVerifierEventMap, ShownVerdict } from './badge-verifier-element.js';
export { BadgePortfolioElement, define as definePortfolio } from './badge-portfolio-element.js';
export type { BadgePortfolioAttributes, BadgePortfolioEventMap, PortfolioInput } from './badge-portfolio-element.js';
