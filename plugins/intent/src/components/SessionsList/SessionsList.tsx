// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { isFinalStatus } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import styles from '../tables.module.css';

const PAGE_SIZE = 20;

/** The sessions the signed-in user may see, newest first, a page at a time. */
export function SessionsList() {
  const api = useApi(intentApiRef);
  const [offset, setOffset] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.listSessions({ limit: PAGE_SIZE, offset }),
    [api, offset],
  );

  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Sandboxes{value ? ` (${value.totalCount})` : ''}
        </Text>
      </CardHeader>
      <CardBody>
        {error && (
          <Alert
            status="danger"
            title={`Could not list the sandboxes: ${error.message}`}
          />
        )}
        {loading && !value && <Text>Loading sandboxes…</Text>}
        {value && value.items.length === 0 && (
          <Text>No sandboxes yet: say what you need above.</Text>
        )}
        {value && value.items.length > 0 && (
          <Flex direction="column" gap="3">
            <table className={styles.table} aria-label="Sandboxes">
              <thead>
                <tr>
                  <th>Title</th>
                  <th>Status</th>
                  <th>Owner</th>
                  <th>Region</th>
                  <th>Expires</th>
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
                      <Badge>{session.status}</Badge>
                    </td>
                    <td>{session.owner}</td>
                    <td>{session.region}</td>
                    <td>
                      {session.expiresAt && !isFinalStatus(session.status)
                        ? new Date(session.expiresAt).toLocaleString()
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {value.totalCount > PAGE_SIZE && (
              <Flex gap="2" align="center">
                <Button
                  variant="secondary"
                  isDisabled={offset === 0}
                  onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Newer
                </Button>
                <Text color="secondary">
                  {offset + 1}–{Math.min(offset + PAGE_SIZE, value.totalCount)}{' '}
                  of {value.totalCount}
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
        )}
      </CardBody>
    </Card>
  );
}
