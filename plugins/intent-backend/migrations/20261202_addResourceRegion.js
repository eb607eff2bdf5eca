// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('resources', table => {
    table
      .string('region', 32)
      .nullable()
      .comment(
        "The region the resource was created in; null on older rows, which are in their session's region",
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('resources', table => {
    table.dropColumn('region');
  });
};
