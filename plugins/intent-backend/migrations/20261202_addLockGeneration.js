// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// @ts-check

/**
 * Fencing tokens: a session's lock row now stays when it is released (it is
 * marked `released_at`), so that `generation` only ever grows; every grant
 * of the lock increments it in the statement that grants it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('locks', table => {
    table
      .bigInteger('generation')
      .notNullable()
      .defaultTo(1)
      .comment(
        'Fencing token: incremented on every grant; a holder checks it before every cloud call and state write',
      );
    table
      .timestamp('released_at', { useTz: true, precision: 3 })
      .nullable()
      .comment(
        'Set when the lock is released (or force-released); null while held',
      );
  });
};

/**
 * Released rows go (the old schema deletes on release) and `aborted`
 * operations read as `failed`, the nearest status the old code knows.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('locks').whereNotNull('released_at').delete();
  await knex('operations')
    .where({ status: 'aborted' })
    .update({ status: 'failed' });
  await knex.schema.alterTable('locks', table => {
    table.dropColumn('generation');
    table.dropColumn('released_at');
  });
};
