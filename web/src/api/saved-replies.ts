import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZRenderedReply, ZSavedReplyInput, ZSavedReplyList } from '../../../src/contracts/saved-replies.js';
import { casePath } from './cases.js';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type SavedReplyList = z.infer<typeof ZSavedReplyList>;
export type SavedReply = SavedReplyList['items'][number];
export type SavedReplyInput = z.input<typeof ZSavedReplyInput>;
export type RenderedReply = z.infer<typeof ZRenderedReply>;

export const savedReplyKeys = { all: ['saved-replies'] as const };

export const useSavedReplies = (enabled = true) =>
  useQuery({ queryKey: savedReplyKeys.all, queryFn: () => api<SavedReplyList>('GET', '/saved-replies'), enabled });

export const useCreateSavedReply = () =>
  useInvalidatingMutation(savedReplyKeys.all, (body: SavedReplyInput) => api<SavedReply>('POST', '/saved-replies', body));

export const useUpdateSavedReply = () =>
  useInvalidatingMutation(savedReplyKeys.all, ({ id, body }: { id: string; body: SavedReplyInput }) =>
    api<SavedReply>('PUT', `/saved-replies/${id}`, body),
  );

export const useDeleteSavedReply = () =>
  useInvalidatingMutation(savedReplyKeys.all, (id: string) => api<null>('DELETE', `/saved-replies/${id}`));

/** A saved reply filled in for one case (nothing is sent). */
export const useRenderSavedReply = (ref: string) =>
  useMutation({ mutationFn: (id: string) => api<RenderedReply>('POST', casePath(ref, `/saved-replies/${id}/render`)) });
