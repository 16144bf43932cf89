import type pg from 'pg';

/** How many run ids one round trip reserves. */
const BLOCK = 64;

/**
 * Run ids reserved ahead, a block per round trip. A sequence value is never handed out twice,
 * committed or not, so an id reserved here belongs to this process until used; unused ones are
 * gaps in the numbering, nothing more.
 */
export class RunIdReservoir {
  private ids: number[] = [];

  async take(c: pg.PoolClient): Promise<number> {
    if (this.ids.length === 0) {
      const r = await c.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('runs', 'id')) AS id FROM generate_series(1, ${BLOCK})`);
      this.ids.push(...r.rows.map((row) => Number(row.id)));
    }
    return this.ids.shift()!;
  }
}
