import { z } from 'zod';

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
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export const ZNotificationQuery = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export const ZNotificationId = z.object({ id: z.uuid('must be a notification id') });
