// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Badge, Button, Flex, Text, TextAreaField } from '@backstage/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { intentApiRef, PolicyWhatIfResult } from '../../api';
import { ErrorNotice } from '../SessionView/ErrorNotice';
import styles from '../tables.module.css';
import { parsePolicyYaml } from './policyYaml';

/** The counts in a sentence a person reads first. */
export function summarizeWhatIf(result: PolicyWhatIfResult): string {
  const total = result.sessions.length;
  if (total === 0) {
    return 'There is no live session you can see, so nothing would change.';
  }
  const { deny, warn } = result.counts;
  const approval = result.counts['require-approval'];
  return `Of ${total} live session${
    total === 1 ? '' : 's'
  } you can see, this policy would deny ${deny}, send ${approval} to approval and warn about ${warn}.${
    result.truncated ? ' Only the first 500 live sessions were checked.' : ''
  }`;
}

function WhatIfResult({ result }: { result: PolicyWhatIfResult }) {
  const affected = result.sessions.filter(s => s.verdict !== 'allow');
  return (
    <Flex direction="column" gap="2" aria-label="What-if result">
      <Text role="status">{summarizeWhatIf(result)}</Text>
      {affected.length === 0 ? (
        result.sessions.length > 0 && (
          <Alert
            status="success"
            title="No live session you can see would be denied, held for approval or warned about."
          />
        )
      ) : (
        <table className={styles.table} aria-label="Affected sessions">
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Owner</th>
              <th scope="col">Revision</th>
              <th scope="col">Verdict now → with this policy</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {affected.map(s => (
              <tr key={s.sessionId}>
                <td>
                  <Link
                    to={`/intent/sessions/${encodeURIComponent(s.sessionId)}`}
                  >
                    {s.title}
                  </Link>
                  <div>{s.status}</div>
                </td>
                <td className={styles.mono}>{s.owner}</td>
                <td>
                  #{s.revisionSeq} ({s.revisionStatus})
                </td>
                <td>
                  {s.currentVerdict} → <Badge>{s.verdict}</Badge>
                </td>
                <td>
                  <ul className={styles.fields}>
                    {s.findings.map((f, index) => (
                      <li key={`${f.ruleId}-${index}`}>
                        {f.ruleId}
                        {f.address ? ` on ${f.address}` : ''}: {f.message}
                        {f.approvers ? ` (approvers: ${f.approvers})` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Flex>
  );
}

/**
 * The what-if of a policy: which live sessions it (or an edited copy
 * pasted as YAML) would deny or send to approval now. The backend judges;
 * nothing changes.
 */
export function PolicyWhatIf({
  entityRef,
  initialYaml,
}: {
  entityRef: string;
  initialYaml: string;
}) {
  const api = useApi(intentApiRef);
  const [yaml, setYaml] = useState(initialYaml);
  const [problem, setProblem] = useState<string>();
  const [state, run] = useAsyncFn(
    (request: { entity: object } | { entityRef: string }) =>
      api.whatIfPolicy(request),
    [api],
  );

  const checkEdited = () => {
    const parsed = parsePolicyYaml(yaml);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(undefined);
    run({ entity: parsed.entity });
  };

  return (
    <Flex direction="column" gap="3">
      <Text>
        Which live sessions would this policy deny or send to approval now? The
        backend judges the latest pending (else applied) revision of each
        session you can see; nothing is changed.
      </Text>
      <div>
        <Button
          variant="primary"
          isPending={state.loading}
          onPress={() => {
            setProblem(undefined);
            run({ entityRef });
          }}
        >
          Check live sessions
        </Button>
      </div>
      <TextAreaField
        label="Edited copy (YAML)"
        description="Change the policy here and check what the change would do before you commit it."
        value={yaml}
        onChange={setYaml}
        rows={12}
      />
      <div>
        <Button
          variant="secondary"
          isPending={state.loading}
          onPress={checkEdited}
        >
          Check the edited copy
        </Button>
      </div>
      {problem && <Alert status="danger" title={problem} />}
      {state.loading && <Text role="status">Checking the live sessions…</Text>}
      {!state.loading && state.error && (
        <ErrorNotice error={state.error} context="Could not run the what-if" />
      )}
      {!state.loading && state.value && <WhatIfResult result={state.value} />}
    </Flex>
  );
}
