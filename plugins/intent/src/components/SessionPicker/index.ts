// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/** The field's name in templates: `ui:field: IntentSessionPicker`. */
export const SESSION_PICKER_FIELD = 'IntentSessionPicker';

/** The session picker as a scaffolder form field extension. */
export const sessionPickerFormField = FormFieldBlueprint.make({
  name: 'intent-session-picker',
  params: {
    field: () =>
      import('./SessionPicker').then(m =>
        createFormField({
          name: SESSION_PICKER_FIELD,
          component: m.SessionPicker,
        }),
      ),
  },
});
