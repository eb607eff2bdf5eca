/***/
/**
 * The intent backend module for the scaffolder plugin.
 *
 * @packageDocumentation
 */

export { scaffolderModuleIntent as default } from './module';
