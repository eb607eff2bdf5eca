/***/
/**
 * The intent backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleIntent as default } from './module';
