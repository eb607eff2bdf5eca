// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

type Format = (contents: string) => Promise<string>;

let formatter: Promise<Format> | undefined;

/**
 * The canonical HCL formatter (`hclwrite.Format`, WASM). Loaded on first use
 * only (it compiles a WASM module) and reused afterwards.
 *
 * @public
 */
export function loadHclFormatter(): Promise<Format> {
  // A lazy require rather than import(): loading the module starts the WASM
  // compile, and dynamic import() needs ESM support that Jest lacks.
  formatter ??= Promise.resolve().then(
    () =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('@cdktn/hcl-tools') as typeof import('@cdktn/hcl-tools')).format,
  );
  return formatter;
}

/**
 * Formats HCL as `terraform fmt` does.
 *
 * @public
 */
export async function formatHcl(contents: string): Promise<string> {
  const format = await loadHclFormatter();
  return format(contents);
}
