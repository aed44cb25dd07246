/**
 * The one script written into every page rather than loaded: it marks the page as having
 * JavaScript before anything is drawn, as NHS.UK frontend's styles expect. Its text is here so
 * that the page (./Base.astro) and the content security policy's hash of it (astro.config.mjs)
 * are made from the same bytes.
 */
export const jsEnabledScript = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";
