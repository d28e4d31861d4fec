/** One numbered schema step, as written in migrations/NNNN-name.ts. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** A migration with the checksum recorded in schema_migrations when it is applied. */
export interface KnownMigration extends Migration {
  checksum: string;
}
