import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRef } from '../../contracts/cases.js';
import {
  ZCaseTheme,
  ZCaseThemeMove,
  ZTheme,
  ZThemeId,
  ZThemeList,
  ZThemeMerge,
  ZThemePatch,
  ZThemeQuery,
  ZThemeRun,
  ZThemeSplit,
} from '../../contracts/themes.js';
import { caseTheme, mergeThemes, moveCaseToTheme, splitTheme, updateTheme } from '../../services/steer-themes.js';
import { requestThemeMining } from '../../services/theme-mining.js';
import { getTheme, getThemeRun, listThemes } from '../../services/themes.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['themes'];

/** Themes mined from cases, their mining runs, and people's edits to them. */
export const themeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes',
    {
      config: can('list', 'theme'),
      schema: {
        tags,
        summary:
          'Recurring problems across cases, largest first: label, size, trend, figures (supervisors, HR, admins) and typical cases you may open',
        querystring: ZThemeQuery,
        response: { 200: ZThemeList, ...errorResponses },
      },
    },
    async (req) => listThemes(contextOf(req), req.query),
  );

  app.post(
    '/themes/runs',
    {
      config: can('create', 'theme'),
      schema: {
        tags,
        summary: 'Re-mine the themes now (in the background); a run already waiting or running is returned instead',
        response: { 202: ZThemeRun, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await requestThemeMining(contextOf(req))),
  );

  app.get(
    '/themes/runs/:id',
    {
      config: can('read', 'theme'),
      schema: { tags, summary: "A mining run's state and progress", params: ZThemeId, response: { 200: ZThemeRun, ...errorResponses } },
    },
    async (req) => getThemeRun(contextOf(req), req.params.id),
  );

  app.get(
    '/themes/:id',
    {
      config: can('read', 'theme'),
      schema: { tags, summary: 'One theme with more of its typical cases', params: ZThemeId, response: { 200: ZTheme, ...errorResponses } },
    },
    async (req) => getTheme(contextOf(req), req.params.id),
  );

  app.patch(
    '/themes/:id',
    {
      config: can('update', 'theme'),
      schema: {
        tags,
        summary: 'Rename a theme or lock it; both survive every re-mine',
        params: ZThemeId,
        body: ZThemePatch,
        response: { 200: ZTheme, ...errorResponses },
      },
    },
    async (req) => updateTheme(contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/themes/:id/merge',
    {
      config: can('update', 'theme'),
      schema: {
        tags,
        summary: 'Merge this theme into another; its cases move there and re-mines keep them together',
        params: ZThemeId,
        body: ZThemeMerge,
        response: { 200: ZTheme, ...errorResponses },
      },
    },
    async (req) => mergeThemes(contextOf(req), req.params.id, req.body.into),
  );

  app.post(
    '/themes/:id/split',
    {
      config: can('update', 'theme'),
      schema: {
        tags,
        summary: 'Split the named cases off into a new theme; they stay there through re-mines',
        params: ZThemeId,
        body: ZThemeSplit,
        response: { 201: ZTheme, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await splitTheme(contextOf(req), req.params.id, req.body)),
  );

  app.get(
    '/cases/:ref/theme',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: 'The theme a case is in and the phrases that put it there',
        params: ZRef,
        response: { 200: ZCaseTheme, ...errorResponses },
      },
    },
    async (req) => caseTheme(contextOf(req), req.params.ref),
  );

  app.put(
    '/cases/:ref/theme',
    {
      config: can('update', 'theme'),
      schema: {
        tags,
        summary: 'Move a case to another theme; it stays there through re-mines',
        params: ZRef,
        body: ZCaseThemeMove,
        response: { 200: ZCaseTheme, ...errorResponses },
      },
    },
    async (req) => moveCaseToTheme(contextOf(req), req.params.ref, req.body.themeId),
  );
};
