// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const artifacts = path.join(__dirname, 'artifacts');

async function shot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(artifacts, `${name}.png`),
    fullPage: true,
  });
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByTestId('sidebar-root').getByRole('link', { name: 'Sandboxes' }),
  ).toBeVisible();
}

test('promote an applied sandbox to a Terraform component in the catalog', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);

  // An applied sandbox to promote.
  const intent = `t3.micro instance with Ubuntu for promotion ${Date.now()}`;
  await page.getByRole('link', { name: 'Sandboxes' }).click();
  await page.getByLabel('What do you need?').fill(intent);
  await page.getByRole('button', { name: 'Plan it' }).click();
  await expect(
    page.getByRole('table', { name: 'Planned changes' }),
  ).toContainText('+ create');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Session status')).toHaveText('active');
  const sessionUrl = page.url();
  const sessionId = decodeURIComponent(sessionUrl.split('/sessions/')[1]);

  // The template, with the session picked in the IntentSessionPicker field.
  await page.goto('/create/templates/default/promote-intent-sandbox');
  await expect(
    page.getByText('Promote a sandbox to Terraform').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: /Session/ }).click();
  // The option's accessible name is the session title (here: the intent).
  await page.getByRole('option', { name: intent }).click();
  await shot(page, 'promote-1-form');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // Every step succeeds, and the output links to the new component.
  const openComponent = page
    .getByRole('button', { name: 'Open the component' })
    .or(page.getByRole('link', { name: 'Open the component' }));
  await expect(openComponent.first()).toBeVisible({ timeout: 120_000 });
  await shot(page, 'promote-2-done');
  await openComponent.first().click();

  // The component's Sandbox tab names the session and links to it.
  // The entity page's tabs are links.
  const sandboxTab = page.getByRole('link', { name: 'Sandbox', exact: true });
  await sandboxTab.click();
  const link = page.getByRole('link', { name: `Open session ${sessionId}` });
  await expect(link).toBeVisible();
  await expect(page.getByText('promoted', { exact: true })).toBeVisible();
  await shot(page, 'promote-3-entity-tab');
  await link.click();

  // The session page links back to the component, and the session is final.
  await expect(page.getByLabel('Session status')).toHaveText('promoted');
  const promoted = page.getByText('Promoted to Terraform:');
  await expect(promoted).toBeVisible();
  await shot(page, 'promote-4-session');
  // The link names the component by its title: the session's intent.
  await page.getByRole('link', { name: intent, exact: true }).first().click();
  await expect(
    page.getByRole('link', { name: 'Sandbox', exact: true }),
  ).toBeVisible();
});
