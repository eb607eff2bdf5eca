export { intentPlugin as default } from './plugin';
