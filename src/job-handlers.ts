// Application wiring of the job queue: the handler of each job kind and the periodic tasks, all
// domain code, registered with the runner (which sits below the domain and knows none of it).
import type { AppContext } from './api/common/context.ts';
import { processBatchJob } from './domain/batches/batch-job.ts';
import { PROCESS_BATCH_JOB } from './domain/batches/process.ts';
import { raisePassedTrackEvents, TRACKING_DATA, trackingWebhookData } from './domain/labels/tracking-events.ts';
import { RELEASE_HOLD_JOB, releaseHoldJob } from './domain/orders/hold-job.ts';
import { deliverWebhookJob, registerDataResolver, WEBHOOK_DELIVERY_JOB } from './domain/webhooks/delivery.ts';
import { registerJobHandler, registerPeriodicTask } from './jobs/runner.ts';

export function registerJobHandlers(): void {
  registerJobHandler<AppContext>(WEBHOOK_DELIVERY_JOB, deliverWebhookJob);
  registerJobHandler<AppContext>(RELEASE_HOLD_JOB, releaseHoldJob);
  registerJobHandler(PROCESS_BATCH_JOB, processBatchJob);
  registerDataResolver(TRACKING_DATA, trackingWebhookData);
  // Tracking events passed by time alone (clock moves raise theirs at once).
  registerPeriodicTask<AppContext>('track-events', async (ctx) => {
    await raisePassedTrackEvents(ctx.database.db, ctx.clock.baseNow());
  });
}
