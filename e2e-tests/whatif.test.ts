// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { expect, test } from '@playwright/test';
import {
  newPerson,
  planIntent,
  seriousA11yViolations,
  shot,
} from './portalHelpers';

/**
 * The policy what-if as a platform admin uses it: a developer runs a
 * sandbox; the admin pastes an edited copy of a catalog IntentPolicy that
 * would deny it, sees that sandbox listed as denied, and nothing changes,
 * neither the sandbox nor the policy in the catalog.
 */

test.describe.configure({ timeout: 240_000 });

/** The rule the admin adds to the edited copy: it hits only Dana's t3.nano sandboxes. */
const DENY_RULE_ID = 'no-nano-for-dana';
const denyRule = [
  `id: ${DENY_RULE_ID}`,
  'outcome: deny',
  'expression: session.owner == "user:default/dana" && resource.type == "aws_instance" && resource.instanceType == "t3.nano"',
  'message: t3.nano instances are too small for the payments benchmarks.',
];

/**
 * The policy's YAML with `rule` as the first item of `spec.rules`, indented
 * as the editor's copy is (the `yaml` library's block style).
 */
function withFirstRule(policyYaml: string, rule: string[]): string {
  const match = /^( *)rules:\n( *)- /m.exec(policyYaml);
  if (!match) {
    throw new Error(`No rules list in the policy's YAML:\n${policyYaml}`);
  }
  const indent = match[2];
  const item = rule
    .map((line, index) => `${indent}${index === 0 ? '- ' : '  '}${line}\n`)
    .join('');
  const at = match.index + match[0].length - `${indent}- `.length;
  return policyYaml.slice(0, at) + item + policyYaml.slice(at);
}

test('a platform admin checks an edited policy: the what-if lists the live sandbox it would deny and changes nothing', async ({
  browser,
}) => {
  // Dana runs a small sandbox: allowed by every policy as it stands.
  const dana = await newPerson(browser, 'Dana');
  await planIntent(dana, 'a t3.nano with Ubuntu');
  await expect(dana.getByLabel('Plan preview')).toContainText('t3.nano');
  await dana.getByRole('button', { name: 'Plan it' }).click();
  await expect(dana.getByLabel('Session status')).toHaveText('planned');
  await dana.getByRole('button', { name: 'Apply' }).click();
  await expect(dana.getByLabel('Session status')).toHaveText('active');
  await expect(
    dana.locator('[data-testid^="state-aws_instance."]').first(),
  ).toHaveText('running');
  const verdictBefore = await dana.getByLabel('Policy verdict').innerText();
  // The session page with its cost chart, as the README shows it.
  await expect(
    dana.getByRole('img', { name: 'Hourly cost per resource' }),
  ).toContainText(/aws_instance\.\w+/);
  await shot(dana, 'session-running', true);
  const sessionPath = new URL(dana.url()).pathname;
  expect(sessionPath).toMatch(/^\/intent\/sessions\/[\w-]+$/);

  // Pat, the platform admin, finds the policy on the policies page.
  const pat = await newPerson(browser, 'Pat');
  await pat.goto('/intent-policies');
  const policies = pat.getByRole('table', { name: 'Intent policies' });
  await expect(policies).toContainText(/platform.guardrails/i);
  expect(await seriousA11yViolations(pat)).toEqual([]);
  await shot(pat, 'whatif-1-policies');

  await policies.getByRole('link', { name: /platform.guardrails/i }).click();
  // The entity page's tabs are links (the catalog's header) or tabs.
  await pat
    .getByRole('tab', { name: 'Policy', exact: true })
    .or(pat.getByRole('link', { name: 'Policy', exact: true }))
    .click();
  const editor = pat.getByLabel('Edited copy (YAML)');
  const original = await editor.inputValue();
  expect(original).toContain('name: platform-guardrails');
  expect(original).not.toContain(DENY_RULE_ID);
  const link = pat.locator(`a[href$="${sessionPath}"]`);
  const summary = pat.getByLabel('What-if result').getByRole('status');

  // The policy as it is in the catalog leaves Dana's sandbox alone.
  await pat.getByRole('button', { name: 'Check live sessions' }).click();
  await expect(summary).toContainText(/^Of \d+ live sessions? you can see/);
  await expect(link).toHaveCount(0);

  // The edited copy would deny it, and says which rule and why.
  await editor.fill(withFirstRule(original, denyRule));
  await pat.getByRole('button', { name: 'Check the edited copy' }).click();
  await expect(summary).toContainText(/this policy would deny [1-9]\d*,/);
  const row = pat
    .getByRole('table', { name: 'Affected sessions' })
    .getByRole('row')
    .filter({ has: link });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('a t3.nano with Ubuntu');
  await expect(row).toContainText('user:default/dana');
  await expect(row).toContainText('active');
  await expect(row).toContainText(/\b(allow|warn) → deny/);
  await expect(row).toContainText(
    new RegExp(
      `${DENY_RULE_ID} on aws_instance\\.\\w+: t3\\.nano instances are too small for the payments benchmarks\\.`,
    ),
  );
  expect(await seriousA11yViolations(pat)).toEqual([]);
  await shot(pat, 'whatif-2-edited-copy-denies');

  // Nothing changed: the catalog's policy has no such rule...
  await pat.reload();
  await expect(pat.getByLabel('Policy rules and scope')).toContainText(
    'gpu-instances-need-approval',
  );
  await expect(pat.getByLabel('Policy rules and scope')).not.toContainText(
    DENY_RULE_ID,
  );
  // ...and Dana's sandbox still runs, with the verdict it had.
  await dana.reload();
  await expect(dana.getByLabel('Session status')).toHaveText('active');
  await expect(dana.getByLabel('Policy verdict')).toHaveText(verdictBefore);
  await expect(
    dana.locator('[data-testid^="state-aws_instance."]').first(),
  ).toHaveText('running');

  for (const page of [dana, pat]) {
    await page.context().close();
  }
});
