import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuthorityLimits, ZAuthorityLimitsInput, ZDeadlineSettings, ZDeadlineSettingsInput } from '../../contracts/settings.js';
import { getAuthorityLimits, setAuthorityLimits } from '../../services/authority-limits.js';
import { getDeadlineSettings, setDeadlineSettings } from '../../services/deadline-settings.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['settings'];

/** Workspace settings: deadlines (presets, per-severity targets, case types) and authority limits. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings/deadlines',
    {
      config: can('read', 'settings'),
      schema: {
        tags,
        summary: 'Deadline preset, per-severity targets and case types',
        response: { 200: ZDeadlineSettings, ...errorResponses },
      },
    },
    async (req) => getDeadlineSettings(contextOf(req)),
  );

  app.put(
    '/settings/deadlines',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set the deadline preset, per-severity targets and case types',
        body: ZDeadlineSettingsInput,
        response: { 200: ZDeadlineSettings, ...errorResponses },
      },
    },
    async (req) => setDeadlineSettings(contextOf(req), req.body),
  );

  app.get(
    '/settings/authority-limits',
    {
      config: can('read', 'settings'),
      schema: { tags, summary: 'Authority limits per role and per user', response: { 200: ZAuthorityLimits, ...errorResponses } },
    },
    async (req) => getAuthorityLimits(contextOf(req)),
  );

  app.put(
    '/settings/authority-limits',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set authority limits per role (null = no limit) and per user (null = the role’s limit)',
        body: ZAuthorityLimitsInput,
        response: { 200: ZAuthorityLimits, ...errorResponses },
      },
    },
    async (req) => setAuthorityLimits(contextOf(req), req.body),
  );
};
