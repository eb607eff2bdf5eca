// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// @ts-check

/**
 * The simulated cloud's state. Its migrations are tracked in their own table
 * (intent_simulated_migrations) so that they can share the intent plugin's
 * database with the plugin's own migrations.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sim_resources', table => {
    table.comment('Resources of the simulated cloud, live and deleted');
    table.bigIncrements('seq');
    table
      .string('id', 128)
      .notNullable()
      .comment('Cloud id: i-0…, sg-0…, vol-0…, a bucket name, …');
    table.string('type', 32).notNullable().comment('Plan resource type');
    table.string('region', 32).notNullable();
    table
      .string('address', 255)
      .nullable()
      .comment('Plan address it was created for, e.g. aws_instance.web');
    table
      .string('client_token', 64)
      .nullable()
      .comment('Idempotency token of the create that made it');
    table
      .string('request_hash', 64)
      .nullable()
      .comment('Hash of that create request, to refuse a reused token');
    table
      .string('request_id', 36)
      .notNullable()
      .comment('Random id of the inserting call, to tell who won a race');
    table
      .string('live_key', 255)
      .nullable()
      .comment(
        'Unique while the resource lives (type:id, bucket name, key name); null once deleted',
      );
    table.string('state', 32).notNullable().comment('Stored lifecycle state');
    table
      .bigInteger('transition_at')
      .nullable()
      .comment('Epoch millis at which a transitional state ends');
    table.text('attributes').notNullable().comment('JSON');
    table.text('tags').notNullable().comment('JSON');
    table.bigInteger('created_at').notNullable().comment('Epoch millis');
    table.bigInteger('updated_at').notNullable().comment('Epoch millis');
    table.bigInteger('deleted_at').nullable().comment('Epoch millis');
    table.unique(['region', 'type', 'client_token'], {
      indexName: 'sim_resources_client_token_uniq',
    });
    table.unique(['live_key'], { indexName: 'sim_resources_live_key_uniq' });
    table.unique(['request_id'], {
      indexName: 'sim_resources_request_id_uniq',
    });
    table.index(['id'], 'sim_resources_id_idx');
    table.index(['region', 'type'], 'sim_resources_region_type_idx');
  });

  await knex.schema.createTable('sim_tags', table => {
    table.comment('Tags of simulated resources, for filtering in SQL');
    table
      .bigInteger('resource_seq')
      .unsigned()
      .notNullable()
      .references('seq')
      .inTable('sim_resources')
      .onDelete('CASCADE');
    table.string('tag_key', 128).notNullable();
    table.string('tag_value', 256).notNullable();
    table.primary(['resource_seq', 'tag_key']);
    table.index(['tag_key', 'tag_value'], 'sim_tags_key_value_idx');
  });

  await knex.schema.createTable('sim_failures', table => {
    table.comment('Failures injected into the next matching apply calls');
    table.string('id', 36).primary().notNullable();
    table.string('action', 16).nullable().comment('create, update or delete');
    table.string('type', 32).nullable();
    table.string('address', 255).nullable();
    table
      .string('phase', 8)
      .notNullable()
      .comment('before or after the change');
    table.integer('remaining').notNullable();
    table.string('code', 128).notNullable();
    table.text('message').notNullable();
    table.bigInteger('created_at').notNullable().comment('Epoch millis');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sim_failures');
  await knex.schema.dropTable('sim_tags');
  await knex.schema.dropTable('sim_resources');
};
