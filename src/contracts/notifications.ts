import { z } from 'zod';
import { NOTIFICATION_PRIORITIES } from '../domain/notification-groups.js';

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  caseRef: z.string().nullable(),
  /** Where the notification leads when it is not about a case (a forum thread): a path in the web app. */
  link: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** urgent: a call for help or abuse; high: a severity 1–2 case, an approval, a broken promise, an unhappy answer. */
  priority: z.enum(NOTIFICATION_PRIORITIES),
});
/** Notifications about one case (or one thread, or of one kind), newest first. */
export const ZNotificationGroup = z.object({
  key: z.string(),
  caseRef: z.string().nullable(),
  link: z.string().nullable(),
  priority: z.enum(NOTIFICATION_PRIORITIES),
  unread: z.number().int(),
  latestAt: z.string(),
  items: z.array(ZNotification),
});
export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  unread: z.number().int(),
  /** The same notifications bundled: unread groups first, the most urgent first, then the newest. */
  groups: z.array(ZNotificationGroup),
});
export const ZNotificationQuery = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export const ZNotificationId = z.object({ id: z.uuid('must be a notification id') });
