// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sessions', table => {
    table.comment('Sandbox sessions: one per intent and its follow-ups');
    table.string('id', 36).primary().notNullable();
    table.string('title', 255).notNullable();
    table.string('owner', 255).notNullable().comment('User entity ref');
    table.string('team', 255).nullable().comment('Group entity ref');
    table.string('provider', 64).notNullable();
    table.string('region', 32).notNullable();
    table.string('status', 16).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).nullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('promoted_to', 255).nullable();
    table.index(['owner'], 'sessions_owner_idx');
    table.index(['status'], 'sessions_status_idx');
    table.index(['created_at'], 'sessions_created_at_idx');
  });

  await knex.schema.createTable('revisions', table => {
    table.comment('Append-only planned versions of a session');
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table.text('intent').notNullable();
    table.string('planner', 128).notNullable();
    table.text('plan').notNullable().comment('Plan JSON');
    table.text('assumptions').notNullable().comment('JSON array');
    table.text('questions').notNullable().comment('JSON array');
    table.text('out_of_scope').notNullable().comment('JSON array');
    table.text('modification').nullable();
    table
      .text('diff')
      .notNullable()
      .comment('Diff JSON against the applied plan');
    table.text('policy').notNullable().comment('Policy result JSON');
    table.text('cost').notNullable().comment('Cost estimate JSON');
    table.string('plan_hash', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('approved_by', 255).nullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['session_id', 'seq']);
  });

  await knex.schema.createTable('resources', table => {
    table.comment('Cloud resources of a session, desired and observed');
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.string('address', 255).notNullable();
    table.string('type', 64).notNullable();
    table.text('desired').notNullable().comment('JSON');
    table.text('actual').nullable().comment('JSON, as last described');
    table.string('cloud_id', 255).nullable();
    table
      .string('replaced_cloud_id', 255)
      .nullable()
      .comment('The old resource of a replace, until it is deleted');
    table.string('status', 32).notNullable();
    table.text('drift').nullable().comment('JSON');
    table
      .timestamp('last_checked_at', { useTz: true, precision: 3 })
      .nullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['session_id', 'address']);
  });

  await knex.schema.createTable('operations', table => {
    table.comment('Apply and destroy runs with their step log');
    table.string('id', 36).primary().notNullable();
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.string('kind', 16).notNullable();
    table.integer('revision_seq').nullable();
    table.string('status', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.text('error').nullable();
    table.timestamp('started_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('finished_at', { useTz: true, precision: 3 }).nullable();
    table.index(['session_id'], 'operations_session_idx');
  });

  await knex.schema.createTable('operation_steps', table => {
    table.comment('What an operation did, step by step');
    table.bigIncrements('id').primary();
    table
      .string('operation_id', 36)
      .notNullable()
      .references('id')
      .inTable('operations')
      .onDelete('CASCADE');
    table
      .string('step', 300)
      .notNullable()
      .comment('e.g. create:aws_instance.web');
    table.string('status', 16).notNullable();
    table.string('cloud_id', 255).nullable();
    table.text('message').nullable();
    table.timestamp('at', { useTz: true, precision: 3 }).notNullable();
    table.index(['operation_id'], 'operation_steps_operation_idx');
  });

  await knex.schema.createTable('locks', table => {
    table.comment('Leases: one writer per session');
    table.string('key', 255).primary().notNullable();
    table.string('operation_id', 36).notNullable();
    table.string('holder', 255).notNullable().comment('User entity ref');
    table.timestamp('acquired_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
  });

  await knex.schema.createTable('approvals', table => {
    table.comment(
      'Approve/reject decisions on revisions that policy sent for approval',
    );
    table.bigIncrements('id').primary();
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table
      .string('plan_hash', 64)
      .notNullable()
      .comment('The approval binds to this plan');
    table.string('decision', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.text('comment').nullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['session_id', 'seq'], 'approvals_revision_idx');
  });

  await knex.schema.createTable('audit_events', table => {
    table.comment('Append-only audit log');
    table.bigIncrements('id').primary();
    table.string('session_id', 36).nullable();
    table.integer('revision_seq').nullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.text('details').notNullable().comment('JSON');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['session_id'], 'audit_events_session_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_events');
  await knex.schema.dropTable('approvals');
  await knex.schema.dropTable('locks');
  await knex.schema.dropTable('operation_steps');
  await knex.schema.dropTable('operations');
  await knex.schema.dropTable('resources');
  await knex.schema.dropTable('revisions');
  await knex.schema.dropTable('sessions');
};
