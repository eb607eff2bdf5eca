// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import AxeBuilder from '@axe-core/playwright';
import { Browser, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** Shared steps of the portal's end-to-end tests: people, screenshots, axe. */

const artifacts = path.join(__dirname, 'artifacts');
const docs = path.join(__dirname, '..', 'docs');

/**
 * A full-page screenshot in e2e-tests/artifacts; `alsoForReadme` copies it
 * over the file of the same name in docs/ that the README shows.
 */
export async function shot(page: Page, name: string, alsoForReadme = false) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (alsoForReadme) {
    fs.copyFileSync(file, path.join(docs, `${name}.png`));
  }
}

/** The example people of examples/org.yaml the sign-in page offers. */
export type Person = 'Dana' | 'Tom' | 'Pat';

/** Sign in on the local sign-in page as Dana, Tom or Pat (examples/org.yaml). */
export async function signInAs(page: Page, firstName: Person) {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${firstName}` }).click();
  await expect(
    page.getByTestId('sidebar-root').getByRole('link', { name: 'Sandboxes' }),
  ).toBeVisible();
}

/** A signed-in person in a browser context of their own. */
export async function newPerson(browser: Browser, firstName: Person) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await signInAs(page, firstName);
  return page;
}

/** The serious and critical violations of WCAG 2.1 A and AA rules on the page (axe). */
export async function seriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // react-aria's live announcer (from @backstage/ui) leaves an announced
    // message as an empty role="img" node in its hidden live region; screen
    // readers read the live region, not that node.
    .exclude('[data-live-announcer]')
    // @backstage/plugin-notifications' sidebar item names its link
    // "Notifications" but also shows the unread count inside it
    // (label-content-name-mismatch once someone has unread notifications);
    // the count is a labelled grid of its own, read by screen readers.
    .exclude('a[href="/notifications"]')
    .analyze();
  const serious = violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  return serious.map(
    v =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map(n => `${n.target.join(' ')} ${n.html}`)
        .join(', ')}`,
  );
}

/** Opens the Sandboxes page and types an intent (previewed, not planned yet). */
export async function planIntent(page: Page, intent: string) {
  await page.getByRole('link', { name: 'Sandboxes' }).first().click();
  await page.getByLabel('What do you need?').fill(intent);
}
