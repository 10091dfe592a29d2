/**
 * Built the dashboard's daily rollups for the cases already there (0040 marked their days stale).
 * Migration 0043 changed the rollups' shape and rebuilds every workspace's days itself, and the
 * rollup code of today writes that shape, which 0040's tables do not have: so on a database that
 * has not reached this step yet it leaves the work to 0043. Databases that ran it keep what it built
 * until 0043 rebuilds it.
 */
export async function up(): Promise<void> {
  // Nothing: 0043 rebuilds every day (see above).
}
