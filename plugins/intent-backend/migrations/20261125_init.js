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
    table.timestamp('expires_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('promoted_to', 255).nullable();
    table.index(['owner'], 'sessions_owner_idx');
    table.index(['status'], 'sessions_status_idx');
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
    table.string('planner', 64).notNullable();
    table.text('plan').notNullable().comment('Plan JSON');
    table.text('assumptions').notNullable().comment('JSON array');
    table.text('questions').notNullable().comment('JSON array');
    table.text('out_of_scope').notNullable().comment('JSON array');
    table.string('plan_hash', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('approved_by', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
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
    table.string('status', 32).notNullable();
    table.text('drift').nullable().comment('JSON');
    table.timestamp('last_checked_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['session_id', 'address']);
  });

  await knex.schema.createTable('audit_events', table => {
    table.comment('Append-only audit log');
    table.bigIncrements('id').primary();
    table.string('session_id', 36).nullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.text('details').notNullable().comment('JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['session_id'], 'audit_events_session_idx');
  });

  await knex.schema.createTable('sim_instances', table => {
    table.comment('State of the simulated cloud (EC2 instances)');
    table.string('id', 32).primary().notNullable();
    table
      .string('client_token', 64)
      .notNullable()
      .unique('sim_instances_token_uq');
    table.string('region', 32).notNullable();
    table.string('instance_type', 32).notNullable();
    table.string('image_id', 32).notNullable();
    table.string('architecture', 16).notNullable();
    table.string('state', 16).notNullable();
    table.text('tags').notNullable().comment('JSON');
    table.timestamp('launched_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sim_instances');
  await knex.schema.dropTable('audit_events');
  await knex.schema.dropTable('resources');
  await knex.schema.dropTable('revisions');
  await knex.schema.dropTable('sessions');
};
