// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { expect, test } from '@playwright/test';
import {
  newPerson,
  planIntent,
  seriousA11yViolations,
  shot,
  signInAs,
} from './portalHelpers';

/**
 * The portal as several people use it: a developer denied, a developer who
 * asks and a platform admin who approves, the cost chart, and an automated
 * accessibility check (axe-core) of the main pages.
 */

// Several people and pages per test: more than the default minute.
test.describe.configure({ timeout: 240_000 });

test('a denied intent: Plan it stays disabled and says why and what to do', async ({
  browser,
}) => {
  const page = await newPerson(browser, 'Dana');
  await planIntent(
    page,
    'a t3.micro with Ubuntu in eu-west-1 with a 100 GB io2 volume',
  );
  const reason = page.getByLabel('Why Plan it is disabled');
  await expect(reason).toContainText('Denied by policy');
  await expect(reason).toContainText('What to do');
  await expect(page.getByRole('button', { name: 'Plan it' })).toBeDisabled();
  await shot(page, 'portal-1-denied', true);
  await page.context().close();
});

test('a developer asks, a platform admin approves, the developer applies; the cost chart shows', async ({
  browser,
}) => {
  const dana = await newPerson(browser, 'Dana');
  await planIntent(dana, 'a g5.xlarge with Ubuntu for 2 hours');
  await expect(dana.getByLabel('Plan preview')).toContainText('g5.xlarge');
  await dana.getByRole('button', { name: 'Plan it' }).click();
  await expect(dana.getByLabel('Why Apply is disabled')).toContainText(
    'Waiting for approval by a member of group:default/platform',
  );
  await expect(dana.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expect(dana.getByLabel('Cost chart')).toContainText('aws_instance.');
  await shot(dana, 'portal-2-waiting-for-approval', true);
  const sessionUrl = dana.url();

  // Pat, of the platform group, sees every sandbox and approves.
  const pat = await newPerson(browser, 'Pat');
  await pat.getByRole('link', { name: 'Sandboxes' }).first().click();
  await pat.getByRole('button', { name: 'All' }).click();
  const list = pat.getByRole('table', { name: 'Sandboxes' });
  await expect(list).toContainText('user:default/dana');
  await shot(pat, 'portal-3-all-sandboxes', true);
  await pat.goto(sessionUrl);
  await pat.getByLabel('Comment').fill('ok for the benchmark');
  await pat.getByRole('button', { name: 'Approve' }).click();
  await expect(pat.getByText('Approved by user:default/pat')).toBeVisible();
  await shot(pat, 'portal-4-approved');

  // Dana applies the approved revision.
  await dana.reload();
  const apply = dana.getByRole('button', { name: 'Apply' });
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(dana.getByLabel('Session status')).toHaveText('active');
  const steps = dana.getByRole('table', { name: 'Operation steps' });
  await expect(steps).toContainText('succeeded');
  // One row per step: no separate "started" rows left over.
  await expect(steps).not.toContainText('started');
  await expect(dana.getByLabel('Accrued cost')).toContainText('so far');
  // The chart (recharts) draws an SVG named by its title: a bar per
  // resource, each labelled with its hourly figure; the same as a table.
  const chart = dana.getByRole('img', { name: 'Hourly cost per resource' });
  await expect(chart).toHaveJSProperty('tagName', 'svg');
  await expect(chart.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(chart.locator('.recharts-label').first()).toHaveText(
    /^(\$\d+\.\d\d|<\$0\.01)\/hour$/,
  );
  await expect(chart).toContainText(/aws_instance\.\w+/);
  await dana.getByRole('button', { name: 'Show as table' }).click();
  await expect(
    dana.getByRole('table', { name: 'Hourly cost per resource (table)' }),
  ).toContainText('g5.xlarge');
  await shot(dana, 'portal-5-applied-with-cost', true);

  // Tom, Dana's teammate, sees it under his team's, but cannot approve or apply.
  const tom = await newPerson(browser, 'Tom');
  await tom.getByRole('link', { name: 'Sandboxes' }).first().click();
  await tom.getByRole('button', { name: "My team's" }).click();
  await expect(tom.getByRole('table', { name: 'Sandboxes' })).toContainText(
    'g5.xlarge',
  );
  await expect(tom.getByRole('button', { name: 'All' })).toHaveCount(0);

  for (const page of [dana, pat, tom]) {
    await page.context().close();
  }
});

test('the main pages have no serious or critical accessibility violations, at 1280 and 768 px, light and dark', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(
    page.getByRole('button', { name: 'Sign in as Dana' }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shot(page, 'portal-0-sign-in', true);
  // Sign in from a fresh page: nothing injected while the session starts.
  await signInAs(page, 'Dana');
  await page.getByRole('link', { name: 'Sandboxes' }).first().click();
  await expect(page.getByLabel('What do you need?')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Whose sandboxes' }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Keyboard: the intent field is reachable and Plan it is a real button.
  await page.getByLabel('What do you need?').focus();
  await page.keyboard.type('a t3.micro with Ubuntu');
  await expect(page.getByLabel('Plan preview')).toContainText('t3.micro');
  await page.getByRole('button', { name: 'Plan it' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Session status')).toHaveText('planned');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 768, height: 1000 });
  await shot(page, 'portal-6-session-768');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/settings');
  const dark = page.getByRole('button', { name: /dark/i }).first();
  if (await dark.isVisible()) {
    await dark.click();
  }
  await page.goBack();
  await expect(page.getByLabel('Session status')).toHaveText('planned');
  await shot(page, 'portal-7-session-dark-768');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await context.close();
});
