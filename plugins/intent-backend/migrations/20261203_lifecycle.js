// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// @ts-check

/**
 * Lifecycle: the expiry state of a session (admin exemption, destroy retries
 * with backoff), notices sent once (expiry warnings, new drift, failed
 * expiry destroys) and the latest drift report of each session.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('session_expiry', table => {
    table.comment('Expiry state of a session beyond its expires_at');
    table
      .string('session_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table
      .boolean('exempt')
      .notNullable()
      .defaultTo(false)
      .comment('An admin exempted the session from expiry');
    table.string('exempted_by', 255).nullable();
    table
      .integer('destroy_attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Expiry destroys started');
    table
      .timestamp('next_attempt_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('No expiry destroy is started before this (backoff)');
    table.text('last_error').nullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
  });

  await knex.schema.createTable('session_notices', table => {
    table.comment(
      'Notices sent about a session, each once: the key says which (e.g. expiry-warning:24h:<expiry>)',
    );
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.string('notice', 190).notNullable();
    table.timestamp('sent_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['session_id', 'notice']);
  });

  await knex.schema.createTable('session_drift', table => {
    table.comment('The latest drift check of each session');
    table
      .string('session_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('sessions')
      .onDelete('CASCADE');
    table.text('report').notNullable().comment('DriftReport JSON');
    table
      .string('drift_hash', 64)
      .nullable()
      .comment('Hash of what drifted; null when nothing did');
    table.timestamp('checked_at', { useTz: true, precision: 3 }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('session_drift');
  await knex.schema.dropTable('session_notices');
  await knex.schema.dropTable('session_expiry');
};
