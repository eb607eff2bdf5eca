// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const artifacts = path.join(__dirname, 'artifacts');
/** The backend's API; with `./portal start` the pages are on :3000 and the API on :7007. */
const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';

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
  // Signed in once the app shell shows; navigating earlier loses the session.
  await expect(
    page.getByTestId('sidebar-root').getByRole('link', { name: 'Sandboxes' }),
  ).toBeVisible();
}

test('say what you need, see the plan, apply it, change it, destroy it', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.getByRole('link', { name: 'Sandboxes' }).click();
  await expect(page.getByLabel('What do you need?')).toBeVisible();
  await page
    .getByLabel('What do you need?')
    .fill('t3.micro instance with Ubuntu');
  // The plan is previewed while typing, before anything is stored.
  const preview = page.getByLabel('Plan preview');
  await expect(preview).toContainText('t3.micro, ubuntu 24.04 (x86_64)');
  await expect(preview.getByLabel('Policy verdict')).toContainText('Policy:');
  await shot(page, '1-intent');

  await page.getByRole('button', { name: 'Plan it' }).click();
  const changes = page.getByRole('table', { name: 'Planned changes' });
  await expect(changes).toContainText(/aws_instance\.\w+/);
  await expect(changes).toContainText('+ create');
  await expect(changes).toContainText('t3.micro, ubuntu 24.04 (x86_64)');
  await expect(page.getByLabel('Assumptions')).toContainText('us-east-1');
  await expect(page.getByLabel('Policy verdict')).toContainText('Policy:');
  await expect(page.getByLabel('Cost estimate')).toContainText('/hour');
  await expect(
    page.getByText('Simulated cloud: nothing real is created'),
  ).toBeVisible();
  await shot(page, '2-plan');

  await page.getByRole('button', { name: 'Apply' }).click();
  const resources = page.getByRole('table', { name: 'Cloud resources' });
  await expect(resources).toContainText(/i-0[0-9a-f]{16}/);
  const instanceState = page
    .locator('[data-testid^="state-aws_instance."]')
    .first();
  await expect(instanceState).toHaveText('running');
  await expect(page.getByLabel('Session status')).toHaveText('active');
  const steps = page.getByRole('table', { name: 'Operation steps' });
  await expect(steps).toContainText(/create:aws_instance\.\w+/);
  await expect(page.getByLabel('Operation status')).toContainText(
    'apply revision 1: succeeded',
  );
  await shot(page, '3-running');

  // Reloading shows the same session from the database.
  await page.reload();
  await expect(instanceState).toHaveText('running');

  // A follow-up: an in-place change, applied.
  await page.getByLabel('Change something').fill('make it a t3.large');
  await page.getByRole('button', { name: 'Plan change' }).click();
  await expect(changes).toContainText('~ update');
  await expect(changes).toContainText('instanceType: t3.micro → t3.large');
  await shot(page, '4-follow-up');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Session status')).toHaveText('active');
  await expect(page.getByRole('table', { name: 'Revisions' })).toContainText(
    'applied',
  );

  // Destroy, with a confirmation.
  await page.getByRole('button', { name: 'Destroy…' }).click();
  await page.getByRole('button', { name: 'Yes, destroy' }).click();
  await expect(page.getByLabel('Session status')).toHaveText('destroyed');
  await expect(resources).toHaveCount(0);
  await shot(page, '5-destroyed');

  // The sandboxes list shows it, destroyed, and leads back to it.
  await page
    .getByRole('list', { name: 'Breadcrumbs' })
    .getByRole('link', { name: 'Sandboxes' })
    .click();
  const list = page.getByRole('table', { name: 'Sandboxes' });
  const row = list
    .getByRole('row')
    .filter({ hasText: 't3.micro instance with Ubuntu' })
    .first();
  await expect(row).toContainText('destroyed');
  await row.getByRole('link').click();
  await expect(page.getByLabel('Session status')).toHaveText('destroyed');
});

test('an empty intent is refused with a message a person can act on', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/intent');
  await page.getByRole('button', { name: 'Plan it' }).click();
  await expect(page.getByText('Describe what you need')).toBeVisible();
  await shot(page, '4-empty-intent');
});

test('the example IntentPolicies are in the catalog, owned by their team', async ({
  request,
}) => {
  const { backstageIdentity } = await (
    await request.get(`${backendUrl}/api/auth/guest/refresh`)
  ).json();
  const headers = { Authorization: `Bearer ${backstageIdentity.token}` };
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `${backendUrl}/api/catalog/entities/by-query?filter=kind=IntentPolicy`,
          { headers },
        );
        const { items } = await res.json();
        return items.map((e: any) => ({
          name: e.metadata.name,
          owners: (e.relations ?? [])
            .filter((r: any) => r.type === 'ownedBy')
            .map((r: any) => r.targetRef),
        }));
      },
      { timeout: 50_000 },
    )
    .toEqual(
      expect.arrayContaining([
        { name: 'platform-guardrails', owners: ['group:default/guests'] },
        { name: 'eu-sandboxes', owners: ['group:default/guests'] },
      ]),
    );
});

test("a policy shows on its owner's page", async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/guests');
  // The Ownership card counts them by kind (app-config: ownedKinds).
  await expect(page.getByText('Ownership', { exact: true })).toBeVisible();
  const policies = page.getByText(/^intentpolicies$/i);
  await expect(policies).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole('link').filter({ has: policies }).first(),
  ).toContainText('2');
  await shot(page, '6-policy-owner');
});
