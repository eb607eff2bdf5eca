// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Container } from '@backstage/ui';
import { Route, Routes } from 'react-router-dom';
import { NewSessionForm } from '../NewSessionForm';
import { SessionView } from '../SessionView';

/** The intent sandboxes page: the form, and a session by id. */
export function IntentPage() {
  return (
    <Container>
      <Routes>
        <Route path="/" element={<NewSessionForm />} />
        <Route path="/sessions/:id" element={<SessionView />} />
      </Routes>
    </Container>
  );
}
