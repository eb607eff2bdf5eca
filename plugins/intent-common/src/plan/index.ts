// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export * from './schema';
export * from './canonicalJson';
export * from './replacement';
export * from './planning';
export * from './publicIp';
export * from './regions';
