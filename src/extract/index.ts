/**
 * The extract stage: any scraped article, plain text or HTML, becomes a clean `Article`.
 *
 * Cascade: read bytes safely → decode → clean (HTML or plain text) → publication date from
 * metadata, else from the text, else inferred → language.
 */
export { extractDocument, extractFile, type ExtractOptions } from './extract.js';
export { bytesToDocument, openRegularFile, readDocument, DEFAULT_READ_OPTIONS, type ReadOptions } from './read.js';
export { decodeHtml, decodeText } from './charset.js';
export { decodeXml } from './xml-charset.js';
export { outletFromUrl, outletHosts, readOutletHosts, registrableDomain, OUTLET_HOSTS_ENV } from './outlets/index.js';
