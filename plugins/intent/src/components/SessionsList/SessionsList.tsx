// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  SearchField,
  Text,
} from '@backstage/ui';
import type { SessionStatus } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import styles from '../tables.module.css';
import listStyles from './SessionsList.module.css';
import { EmptyState } from './EmptyState';
import {
  formatUsd,
  inScope,
  isDrifted,
  ListedSession,
  matchesFilter,
  runRate,
  Scope,
  seesBeyondOwnTeams,
  timeLeft,
} from './sessionsListModel';

const PAGE_SIZE = 20;
/** The list filters in the browser over the newest sessions the caller may see. */
const FETCH_LIMIT = 100;

const STATUSES: Array<SessionStatus | 'live'> = [
  'live',
  'planned',
  'applying',
  'active',
  'failed',
  'destroying',
  'destroyed',
  'expired',
  'promoted',
];

const SCOPE_LABELS: Record<Scope, string> = {
  mine: 'Mine',
  team: "My team's",
  all: 'All',
};

/**
 * The sandboxes the signed-in user may see: theirs, their team's, or (for
 * platform admins, whom the permission policy lets see more) all; filtered by
 * status and a search, with time left, cost and the monthly run-rate.
 */
export function SessionsList() {
  const api = useApi(intentApiRef);
  const identityApi = useApi(identityApiRef);
  const [scope, setScope] = useState<Scope>('mine');
  const [status, setStatus] = useState<SessionStatus | 'live' | ''>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);

  const { value, loading, error } = useAsync(async () => {
    const [identity, list] = await Promise.all([
      identityApi.getBackstageIdentity(),
      api.listSessions({ limit: FETCH_LIMIT }),
    ]);
    const items = list.items as ListedSession[];
    // The summary carries no cost yet: the applied plans of the sessions
    // that hold resources give the run-rate.
    const holding = items.filter(
      s =>
        ['active', 'applying', 'failed'].includes(s.status) &&
        s.monthlyCostUsd === undefined,
    );
    const monthly: Record<string, number> = {};
    for (const s of items) {
      if (s.monthlyCostUsd !== undefined) {
        monthly[s.id] = s.monthlyCostUsd;
      }
    }
    await Promise.all(
      holding.slice(0, PAGE_SIZE).map(async s => {
        const details = await api.getSession({ id: s.id }).catch(() => null);
        const applied = details?.revisions
          .filter(r => r.status === 'applied')
          .pop();
        if (applied) {
          monthly[s.id] = applied.cost.monthlyUsd;
        }
      }),
    );
    return {
      viewer: {
        userEntityRef: identity.userEntityRef,
        ownershipEntityRefs: identity.ownershipEntityRefs,
      },
      items,
      totalCount: list.totalCount,
      monthly,
    };
  }, [api, identityApi]);

  const view = useMemo(() => {
    if (!value) {
      return undefined;
    }
    const { viewer, items, monthly } = value;
    const admin = seesBeyondOwnTeams(items, viewer);
    const scoped = items.filter(s => inScope(s, scope, viewer));
    const shown = scoped.filter(s =>
      matchesFilter(s, { status: status || undefined, search }),
    );
    return {
      admin,
      scoped,
      shown,
      mineRate: runRate(
        items.filter(s => inScope(s, 'mine', viewer)),
        monthly,
      ),
      teamRate: runRate(
        items.filter(s => inScope(s, 'team', viewer)),
        monthly,
      ),
    };
  }, [value, scope, status, search]);

  const now = Date.now();
  const page = view?.shown.slice(offset, offset + PAGE_SIZE) ?? [];
  const scopes: Scope[] = view?.admin
    ? ['mine', 'team', 'all']
    : ['mine', 'team'];

  return (
    <Card>
      <CardHeader>
        <Flex
          justify="between"
          align="center"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Text as="h3" variant="title-x-small">
            Sandboxes{view ? ` (${view.shown.length})` : ''}
          </Text>
          {view && (
            <Text aria-label="Monthly run-rate" color="secondary">
              Run-rate: mine {formatUsd(view.mineRate)}/month · my team's{' '}
              {formatUsd(view.teamRate)}/month
            </Text>
          )}
        </Flex>
      </CardHeader>
      <CardBody>
        {error && (
          <Alert
            status="danger"
            title={`Could not list the sandboxes: ${error.message}`}
            description="Check that the intent backend is running, then reload the page."
          />
        )}
        {loading && !value && <Text>Loading sandboxes…</Text>}
        {view && (
          <Flex direction="column" gap="3">
            <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
              <div role="group" aria-label="Whose sandboxes">
                <Flex gap="1">
                  {scopes.map(s => (
                    <Button
                      key={s}
                      size="small"
                      variant={scope === s ? 'primary' : 'secondary'}
                      aria-pressed={scope === s}
                      onPress={() => {
                        setScope(s);
                        setOffset(0);
                      }}
                    >
                      {SCOPE_LABELS[s]}
                    </Button>
                  ))}
                </Flex>
              </div>
              <label className={listStyles.field}>
                <span>Status</span>
                <select
                  value={status}
                  onChange={e => {
                    setStatus(e.target.value as SessionStatus | 'live' | '');
                    setOffset(0);
                  }}
                >
                  <option value="">any</option>
                  {STATUSES.map(s => (
                    <option key={s} value={s}>
                      {s === 'live' ? 'not ended' : s}
                    </option>
                  ))}
                </select>
              </label>
              <SearchField
                label="Search"
                placeholder="title, owner, team"
                size="small"
                value={search}
                onChange={v => {
                  setSearch(v);
                  setOffset(0);
                }}
              />
            </Flex>
            {view.shown.length === 0 ? (
              <EmptyState
                filtered={
                  value!.items.length > 0 &&
                  (view.scoped.length > 0 || status !== '' || search !== '')
                }
              />
            ) : (
              <div className={listStyles.scroll}>
                <table className={styles.table} aria-label="Sandboxes">
                  <thead>
                    <tr>
                      <th>Title</th>
                      <th>Status</th>
                      <th>Owner</th>
                      <th>Region</th>
                      <th>Time left</th>
                      <th>Cost</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.map(session => {
                      const monthly = value!.monthly[session.id];
                      return (
                        <tr key={session.id}>
                          <td>
                            <Link
                              to={`sessions/${encodeURIComponent(session.id)}`}
                            >
                              {session.title}
                            </Link>
                          </td>
                          <td>
                            <Flex gap="1" align="center">
                              <Badge>{session.status}</Badge>
                              {isDrifted(session) && <Badge>drifted</Badge>}
                            </Flex>
                          </td>
                          <td>
                            {session.owner}
                            {session.team ? ` (${session.team})` : ''}
                          </td>
                          <td>{session.region}</td>
                          <td>{timeLeft(session, now) ?? '—'}</td>
                          <td>
                            {[
                              session.accruedCostUsd !== undefined
                                ? `${formatUsd(session.accruedCostUsd)} so far`
                                : undefined,
                              monthly !== undefined
                                ? `${formatUsd(monthly)}/month`
                                : undefined,
                            ]
                              .filter(Boolean)
                              .join(' · ') || '—'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {view.shown.length > PAGE_SIZE && (
              <Flex gap="2" align="center">
                <Button
                  variant="secondary"
                  isDisabled={offset === 0}
                  onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Newer
                </Button>
                <Text color="secondary">
                  {offset + 1}–{Math.min(offset + PAGE_SIZE, view.shown.length)}{' '}
                  of {view.shown.length}
                </Text>
                <Button
                  variant="secondary"
                  isDisabled={offset + PAGE_SIZE >= view.shown.length}
                  onPress={() => setOffset(offset + PAGE_SIZE)}
                >
                  Older
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </CardBody>
    </Card>
  );
}
