import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { page } from '../../contracts/cases.js';
import {
  ZEditPost,
  ZMerge,
  ZNewPost,
  ZNewThread,
  ZPost,
  ZPostId,
  ZPostListQuery,
  ZReason,
  ZReview,
  ZSimilarQuery,
  ZSimilarThreads,
  ZThread,
  ZThreadId,
  ZThreadListQuery,
  ZThreadSummary,
  ZVoteState,
} from '../../contracts/forum.js';
import { addPost, editPost, hidePost, listPosts, reportPost } from '../../services/forum-posts.js';
import { createThread, getThread, listThreads, mergeThread, reviewThread, setVote, similarThreads } from '../../services/forum-threads.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['forum'];

/** The staff forum: threads about processes that frustrate customers, replies, votes and moderation. */
export const forumRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/forum/threads',
    {
      config: can('list', 'forum_thread'),
      schema: {
        tags,
        summary: 'Threads by votes (default), newest, or unreviewed first; q searches titles and posts like case search',
        querystring: ZThreadListQuery,
        response: { 200: page(ZThreadSummary), ...errorResponses },
      },
    },
    async (req) => listThreads(contextOf(req), req.query),
  );

  app.post(
    '/forum/threads',
    {
      config: can('create', 'forum_thread'),
      schema: {
        tags,
        summary: 'Open a thread (its body is the opening post)',
        body: ZNewThread,
        response: { 201: ZThread, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createThread(contextOf(req), req.body)),
  );

  app.get(
    '/forum/threads/similar',
    {
      config: can('list', 'forum_thread'),
      schema: {
        tags,
        summary: 'Likely duplicates of a draft thread, best first, with the words they share',
        querystring: ZSimilarQuery,
        response: { 200: ZSimilarThreads, ...errorResponses },
      },
    },
    async (req) => similarThreads(contextOf(req), req.query),
  );

  app.get(
    '/forum/threads/:id',
    {
      config: can('read', 'forum_thread'),
      schema: { tags, summary: 'A thread, with what you may do with it', params: ZThreadId, response: { 200: ZThread, ...errorResponses } },
    },
    async (req) => getThread(contextOf(req), req.params.id),
  );

  app.get(
    '/forum/threads/:id/posts',
    {
      config: can('read', 'forum_thread'),
      schema: {
        tags,
        summary: "A thread's posts, oldest first (the opening post first)",
        params: ZThreadId,
        querystring: ZPostListQuery,
        response: { 200: page(ZPost), ...errorResponses },
      },
    },
    async (req) => listPosts(contextOf(req), req.params.id, req.query),
  );

  app.post(
    '/forum/threads/:id/posts',
    {
      config: can('create', 'forum_post'),
      schema: { tags, summary: 'Reply in a thread', params: ZThreadId, body: ZNewPost, response: { 201: ZPost, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await addPost(contextOf(req), req.params.id, req.body)),
  );

  app.put(
    '/forum/threads/:id/vote',
    {
      config: can('annotate', 'forum_thread'),
      schema: {
        tags,
        summary: 'Vote for a thread (one vote per person)',
        params: ZThreadId,
        response: { 200: ZVoteState, ...errorResponses },
      },
    },
    async (req) => setVote(contextOf(req), req.params.id, true),
  );

  app.delete(
    '/forum/threads/:id/vote',
    {
      config: can('annotate', 'forum_thread'),
      schema: { tags, summary: 'Withdraw your vote', params: ZThreadId, response: { 200: ZVoteState, ...errorResponses } },
    },
    async (req) => setVote(contextOf(req), req.params.id, false),
  );

  app.put(
    '/forum/threads/:id/review',
    {
      config: can('approve', 'forum_thread'),
      schema: {
        tags,
        summary: 'Mark a thread reviewed with a short answer (voters are told)',
        params: ZThreadId,
        body: ZReview,
        response: { 200: ZThread, ...errorResponses },
      },
    },
    async (req) => reviewThread(contextOf(req), req.params.id, req.body.answer),
  );

  app.post(
    '/forum/threads/:id/merge',
    {
      config: can('update', 'forum_thread'),
      schema: {
        tags,
        summary: 'Merge this duplicate into another thread (votes carried over, one per person)',
        params: ZThreadId,
        body: ZMerge,
        response: { 200: ZThread, ...errorResponses },
      },
    },
    async (req) => mergeThread(contextOf(req), req.params.id, req.body.intoId),
  );

  app.patch(
    '/forum/posts/:id',
    {
      config: can('update', 'forum_post'),
      schema: {
        tags,
        summary: 'Edit your own post within 15 minutes of posting (the earlier text is kept)',
        params: ZPostId,
        body: ZEditPost,
        response: { 200: ZPost, ...errorResponses },
      },
    },
    async (req) => editPost(contextOf(req), req.params.id, req.body.body),
  );

  app.post(
    '/forum/posts/:id/reports',
    {
      config: can('annotate', 'forum_post'),
      schema: {
        tags,
        summary: 'Report a post to the moderators',
        params: ZPostId,
        body: ZReason,
        response: { 201: ZPost, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await reportPost(contextOf(req), req.params.id, req.body.reason)),
  );

  app.post(
    '/forum/posts/:id/hide',
    {
      config: can('delete', 'forum_post'),
      schema: {
        tags,
        summary: 'Hide a post from everyone but moderators (its text is kept)',
        params: ZPostId,
        body: ZReason,
        response: { 200: ZPost, ...errorResponses },
      },
    },
    async (req) => hidePost(contextOf(req), req.params.id, req.body.reason),
  );
};
