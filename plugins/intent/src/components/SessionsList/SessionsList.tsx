// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
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
import {
  intentAdminPermission,
  SessionListScope,
  SessionListStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { intentApiRef } from '../../api';
import styles from '../tables.module.css';
import listStyles from './SessionsList.module.css';
import { EmptyState } from './EmptyState';
import {
  costText,
  formatUsd,
  pageRange,
  SCOPE_LABELS,
  scopesFor,
  STATUS_FILTERS,
  timeLeft,
} from './sessionsListModel';

const PAGE_SIZE = 20;
/** The search is sent once typing pauses this long. */
export const SEARCH_DEBOUNCE_MILLIS = 300;

/**
 * The sandboxes the signed-in user may see: theirs, their team's, or (for
 * those with `intent.admin`) all; filtered by status and a search on the
 * server, a page at a time, with time left, cost and the monthly run-rate.
 */
export function SessionsList() {
  const api = useApi(intentApiRef);
  const admin = usePermission({ permission: intentAdminPermission });
  const [scope, setScope] = useState<SessionListScope>('mine');
  const [status, setStatus] = useState<SessionListStatus | ''>('');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);

  useDebounce(
    () => {
      const next = search.trim();
      if (next !== q) {
        setQ(next);
        setOffset(0);
      }
    },
    SEARCH_DEBOUNCE_MILLIS,
    [search],
  );

  const { value, loading, error } = useAsync(
    () =>
      api.listSessions({
        scope,
        status: status || undefined,
        q: q || undefined,
        limit: PAGE_SIZE,
        offset,
      }),
    [api, scope, status, q, offset],
  );

  const now = Date.now();
  const filtered = status !== '' || q !== '';

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
            Sandboxes{value ? ` (${value.totalCount})` : ''}
          </Text>
          {value?.runRate && (
            <Text aria-label="Monthly run-rate" color="secondary">
              Run-rate: mine {formatUsd(value.runRate.mineUsd)}/month · my
              team's {formatUsd(value.runRate.teamUsd)}/month
            </Text>
          )}
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
            <div role="group" aria-label="Whose sandboxes">
              <Flex gap="1">
                {scopesFor(admin.allowed).map(s => (
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
                  setStatus(e.target.value as SessionListStatus | '');
                  setOffset(0);
                }}
              >
                <option value="">any</option>
                {STATUS_FILTERS.map(s => (
                  <option key={s} value={s}>
                    {s === 'live' ? 'not ended' : s}
                  </option>
                ))}
              </select>
            </label>
            <SearchField
              label="Search"
              placeholder="intent, title, owner, team"
              size="small"
              value={search}
              onChange={setSearch}
            />
          </Flex>
          {error && (
            <Alert
              status="danger"
              title={`Could not list the sandboxes: ${error.message}`}
              description="Check that the intent backend is running, then reload the page."
            />
          )}
          {loading && !value && <Text>Loading sandboxes…</Text>}
          {value && value.items.length === 0 && (
            <EmptyState filtered={filtered} />
          )}
          {value && value.items.length > 0 && (
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
                  {value.items.map(session => (
                    <tr key={session.id}>
                      <td>
                        <Link to={`sessions/${encodeURIComponent(session.id)}`}>
                          {session.title}
                        </Link>
                      </td>
                      <td>
                        <Flex gap="1" align="center">
                          <Badge>{session.status}</Badge>
                          {session.drifted && <Badge>drifted</Badge>}
                        </Flex>
                      </td>
                      <td>
                        {session.owner}
                        {session.team ? ` (${session.team})` : ''}
                      </td>
                      <td>{session.region}</td>
                      <td>{timeLeft(session, now) ?? '—'}</td>
                      <td>{costText(session)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {value && value.totalCount > PAGE_SIZE && (
            <Flex gap="2" align="center">
              <Button
                variant="secondary"
                isDisabled={offset === 0}
                onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                Newer
              </Button>
              <Text color="secondary">
                {pageRange(offset, PAGE_SIZE, value.totalCount)}
              </Text>
              <Button
                variant="secondary"
                isDisabled={offset + PAGE_SIZE >= value.totalCount}
                onPress={() => setOffset(offset + PAGE_SIZE)}
              >
                Older
              </Button>
            </Flex>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
