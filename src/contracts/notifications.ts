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

const ZChannels = z.object({ inApp: z.boolean(), email: z.boolean() });
export const ZNotificationPreference = z.object({
  kind: z.string(),
  label: z.string(),
  group: z.enum(['cases', 'resolution', 'people', 'training', 'learning', 'workspace']),
  /** Urgent kinds keep at least one channel on. */
  required: z.boolean(),
  inApp: z.boolean(),
  email: z.boolean(),
  defaults: ZChannels,
  /** False while the person has not chosen: the defaults apply. */
  chosen: z.boolean(),
});
export const ZNotificationPreferences = z.object({ items: z.array(ZNotificationPreference) });
export const ZNotificationPreferencesInput = z
  .object({
    items: z
      .array(z.object({ kind: z.string().min(1).max(64), inApp: z.boolean(), email: z.boolean() }).strict())
      .min(1)
      .max(100)
      .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, 'each kind once'),
  })
  .strict();
