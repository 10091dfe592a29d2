import { AppError, type FieldError } from '../domain/errors.js';
import {
  type Channels,
  channelsFor,
  NOTIFICATION_KINDS,
  type NotificationKindInfo,
  notificationKind,
} from '../domain/notification-kinds.js';
import { preferencesOf, savePreference } from '../store/notification-preferences.js';
import { inTransaction, type ServiceContext } from './context.js';

export type NotificationPreferenceView = Omit<NotificationKindInfo, 'roles' | 'emailByDefault'> &
  Channels & { defaults: Channels; chosen: boolean };

/** The caller's channels for every kind of notification their role can receive. */
export async function getMyNotificationPreferences(ctx: ServiceContext): Promise<{ items: NotificationPreferenceView[] }> {
  const chosen = await preferencesOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  const items = NOTIFICATION_KINDS.filter((n) => n.roles.includes(ctx.actor.role)).map(({ roles: _r, emailByDefault, ...info }) => ({
    ...info,
    ...channelsFor(info.kind, chosen.get(info.kind), emailByDefault),
    defaults: { inApp: true, email: emailByDefault },
    chosen: chosen.has(info.kind),
  }));
  return { items };
}

/**
 * Saves the caller's channels for the kinds given (others stay as they were). A kind that may not be
 * silenced refuses to lose both channels; an unknown kind is refused. Nothing is saved when any is.
 */
export async function setMyNotificationPreferences(
  ctx: ServiceContext,
  input: { items: { kind: string; inApp: boolean; email: boolean }[] },
): Promise<{ items: NotificationPreferenceView[] }> {
  const errors: FieldError[] = input.items.flatMap((item, i): FieldError[] => {
    const info = notificationKind(item.kind);
    if (!info) return [{ path: `items.${i}.kind`, message: 'not a kind of notification' }];
    if (info.required && !item.inApp && !item.email)
      return [{ path: `items.${i}.inApp`, message: `“${info.label}” is urgent: keep it in the app, by email, or both` }];
    return [];
  });
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => e.message).join('; '), errors);
  await inTransaction(ctx.db, async (db) => {
    for (const item of input.items)
      await savePreference(db, ctx.actor.workspaceId, ctx.actor.userId, item.kind, { inApp: item.inApp, email: item.email }, ctx.now);
  });
  return getMyNotificationPreferences(ctx);
}
