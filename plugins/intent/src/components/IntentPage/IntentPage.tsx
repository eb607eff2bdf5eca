// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Container, Flex } from '@backstage/ui';
import { Route, Routes } from 'react-router-dom';
import { NewSessionForm } from '../NewSessionForm';
import { SessionsList } from '../SessionsList';
import { SessionView } from '../SessionView';

/** The intent sandboxes page: the form and the sessions list, and a session by id. */
export function IntentPage() {
  return (
    <Container>
      <Routes>
        <Route
          path="/"
          element={
            <Flex direction="column" gap="5">
              <NewSessionForm />
              <SessionsList />
            </Flex>
          }
        />
        <Route path="/sessions/:id" element={<SessionView />} />
      </Routes>
    </Container>
  );
}
