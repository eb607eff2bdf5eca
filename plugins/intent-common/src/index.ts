// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Isomorphic data of the intent plugins: the plan schema, API types and the
 * pure functions shared by backend, scaffolder module and frontend.
 *
 * @packageDocumentation
 */

export * from './plan';
export * from './software';
export * from './api';
export * from './policy';
export * from './cost';
export * from './catalog';
export * from './session';
export * from './diff';
export * from './permissions';
