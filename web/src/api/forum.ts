import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, cursorPages, queryString } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { ForumPost, ForumSimilar, ForumSort, ForumThread, ForumThreadSummary, ForumVoteState, NewForumThread, Page } from './types.js';

/** Query keys of the forum: everything sits under `all`, so any change refreshes lists and threads alike. */
export const forumKeys = {
  all: ['forum'] as const,
  list: (q: string, sort: ForumSort) => ['forum', 'list', q, sort] as const,
  thread: (id: string) => ['forum', 'thread', id] as const,
  posts: (id: string) => ['forum', 'thread', id, 'posts'] as const,
  similar: (title: string, body: string) => ['forum', 'similar', title, body] as const,
};

const threadPath = (id: string, under = '') => `/forum/threads/${encodeURIComponent(id)}${under}`;

export function useThreadList(q: string, sort: ForumSort) {
  return useInfiniteQuery({
    queryKey: forumKeys.list(q, sort),
    queryFn: ({ pageParam }) =>
      api<Page<ForumThreadSummary>>('GET', `/forum/threads${queryString({ q, sort, limit: 20, cursor: pageParam })}`),
    ...cursorPages,
    placeholderData: keepPreviousData,
  });
}

export const useThread = (id: string) =>
  useQuery({ queryKey: forumKeys.thread(id), queryFn: () => api<ForumThread>('GET', threadPath(id)) });

export function usePosts(id: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.posts(id),
    queryFn: ({ pageParam }) => api<Page<ForumPost>>('GET', `${threadPath(id, '/posts')}${queryString({ limit: 100, cursor: pageParam })}`),
    ...cursorPages,
  });
}

/** Likely duplicates of a draft, asked once the title says enough. */
export function useSimilarThreads(title: string, body: string) {
  return useQuery({
    queryKey: forumKeys.similar(title, body),
    queryFn: () => api<ForumSimilar>('GET', `/forum/threads/similar${queryString({ title, body: body.slice(0, 2000) })}`),
    enabled: title.trim().length >= 5,
    placeholderData: keepPreviousData,
  });
}

export const useCreateThread = () =>
  useInvalidatingMutation(forumKeys.all, (body: NewForumThread) => api<ForumThread>('POST', '/forum/threads', body));

export const useVote = () =>
  useInvalidatingMutation(forumKeys.all, (v: { id: string; up: boolean }) =>
    api<ForumVoteState>(v.up ? 'PUT' : 'DELETE', threadPath(v.id, '/vote')),
  );

export const useReply = (id: string) =>
  useInvalidatingMutation(forumKeys.all, (body: { body: string; asColleague: boolean }) =>
    api<ForumPost>('POST', threadPath(id, '/posts'), body),
  );

export const useReview = (id: string) =>
  useInvalidatingMutation(forumKeys.all, (answer: string) => api<ForumThread>('PUT', threadPath(id, '/review'), { answer }));

export const useMerge = (id: string) =>
  useInvalidatingMutation(forumKeys.all, (intoId: string) => api<ForumThread>('POST', threadPath(id, '/merge'), { intoId }));

export const useEditPost = () =>
  useInvalidatingMutation(forumKeys.all, (v: { id: string; body: string }) =>
    api<ForumPost>('PATCH', `/forum/posts/${encodeURIComponent(v.id)}`, { body: v.body }),
  );

export const useReportPost = () =>
  useInvalidatingMutation(forumKeys.all, (v: { id: string; reason: string }) =>
    api<ForumPost>('POST', `/forum/posts/${encodeURIComponent(v.id)}/reports`, { reason: v.reason }),
  );

export const useHidePost = () =>
  useInvalidatingMutation(forumKeys.all, (v: { id: string; reason: string }) =>
    api<ForumPost>('POST', `/forum/posts/${encodeURIComponent(v.id)}/hide`, { reason: v.reason }),
  );
