import { z } from 'zod';
import { MAX_REPLY_BODY } from '../domain/saved-replies.js';
import { SAVED_REPLY_STATUSES } from '../domain/saved-reply-statuses.js';
import { id, text, ZCaseRefText } from './common.js';
import { ZTag } from './tag.js';

/** A saved reply as kept in Settings: for the workspace (teamId null, admins) or one team (its supervisors). */
export const ZSavedReplyInput = z
  .object({
    title: text(120),
    body: text(MAX_REPLY_BODY).describe('the wording, with variables such as {{customer.firstName|there}} (a fallback after the bar)'),
    teamId: id.nullable().describe('the team that uses it; null for the whole workspace'),
    setStatus: z.enum(SAVED_REPLY_STATUSES).nullable().optional().describe('move the case to this status when the reply is sent'),
    addTags: z.array(ZTag).max(20).optional().describe('put these tags on the case when the reply is sent'),
  })
  .strict();

export const ZSavedReply = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  setStatus: z.string().nullable(),
  addTags: z.array(z.string()),
  updatedAt: z.string(),
  canEdit: z.boolean().describe('whether the caller may change or delete it'),
});

export const ZSavedReplyList = z.object({
  items: z.array(ZSavedReply),
  variables: z.array(z.object({ name: z.string(), meaning: z.string() })).describe('the variables a saved reply may use'),
});

export const ZSavedReplyParam = z.object({ id });
export const ZCaseSavedReplyParam = z.object({ ref: ZCaseRefText, id });

export const ZRenderedReply = z.object({
  title: z.string(),
  text: z.string().describe('the saved reply with this case’s values filled in'),
  unfilled: z.array(z.string()).describe('variables with no value on this case and no fallback: left empty, to fill in by hand'),
  setStatus: z.string().nullable(),
  addTags: z.array(z.string()),
});
