/**
 * Test fixture: runs one rotation as its own process, slowly (a pause after each batch), so a
 * test can kill it with SIGKILL mid-way. Args: orgId rotationId batchSize.
 */
import { runRotation } from "@/lib/keys/rotation";

const [orgId, rotationId, batchSize] = process.argv.slice(2);
await runRotation(orgId, rotationId, {
  batchSize: Number(batchSize),
  afterBatch: () => new Promise((resolve) => setTimeout(resolve, 100)),
});
process.exit(0);
