/**
 * Builds the gateway: Fastify with its logger (JSON, with cookies and tokens redacted), a body
 * size limit and timeouts, security headers, CORS for the site's own origin only, per-IP rate
 * limits on every route, the routes, and the worker that sends submissions to GitHub.
 */
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Accepting } from './accepting';
import type { Settings } from './config';
import { checkPool, checksInProcess, type Checks } from './checks';
import { readSiteContent, type SiteContent } from './content';
import { connectApp, type GitHubConnection } from './github-app';
import { createMailer, type Mailer } from './mail';
import { startRetention } from './retention';
import { routes } from './routes';
import { SignIn } from './sign-in';
import { emailLinks } from './email-links';
import { Store } from './store';
import { Worker } from './worker';

export interface Gateway {
  app: FastifyInstance;
  store: Store;
  worker: Worker;
  /** The proposals being accepted now. */
  accepting: Accepting;
  url: string;
  close(): Promise<void>;
}

export interface GatewayOverrides {
  mailer?: Mailer;
  github?: GitHubConnection;
  /** The site's content, read already: proposals are then checked on the main thread with it. */
  site?: SiteContent;
  /** Where the JSON log goes; standard output when not given. */
  logStream?: NodeJS.WritableStream;
  /** The longest a step of sending waits for proposals being accepted (1000 ms). */
  acceptingWaitMs?: number;
}

/**
 * One log line a request, when it is answered, naming the request as well as the outcome.
 * Fastify's default also writes a line as each request arrives: more of the event loop's time,
 * which a burst of proposals queues behind. The arrival is still logged at debug level.
 */
class OneLineARequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function startGateway(settings: Settings, overrides: GatewayOverrides = {}): Promise<Gateway> {
  const checks: Checks = overrides.site ? checksInProcess(overrides.site)
    : settings.checkThreads > 0 ? await checkPool(settings.contentRoot, settings.checkThreads)
    : checksInProcess(readSiteContent(settings.contentRoot));
  const store = new Store(settings.database);
  const mailer = overrides.mailer ?? createMailer(settings.mail);
  const app = Fastify({
    logger: {
      level: settings.logLevel,
      // Requests are logged by method, path and address only: no query string, which may carry a
      // link's token (./email-links.ts). The headers below never appear even if a serializer changes.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      },
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
    },
    logController: new OneLineARequest(),
    bodyLimit: settings.bodyLimitBytes,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    trustProxy: settings.trustProxy,
    // An address the router cannot take (too long, or badly encoded): said in the shape of every other refusal.
    frameworkErrors: (error, _req, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      (reply as FastifyReply).code(status).send({ errors: [{ id: '', message: status === 414 ? 'This address is too long: check the link' : 'This address cannot be read: check the link' }] });
    },
  });
  // A second at most per step of sending: ample for a burst of proposals, and a steady stream still lets each submission through.
  const accepting = new Accepting(overrides.acceptingWaitMs ?? 1000);
  const worker = new Worker({
    store, checks, mailer, accepting, log: app.log,
    github: overrides.github ?? connectApp(settings.github, { retryBaseMs: settings.retryBaseMs }),
    upstream: { owner: settings.github.owner, repo: settings.github.repo },
    apiUrl: settings.github.apiUrl,
    siteUrl: settings.siteUrl, maxAttempts: settings.maxAttempts, retryBaseMs: settings.retryBaseMs, pollMs: settings.pollMs,
    followEveryMs: settings.followMinutes * 60_000,
    emailLinks: emailLinks(settings),
  });

  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } } });
  await app.register(cors, { origin: settings.siteOrigin, credentials: true, methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['content-type', 'x-csrf-token'] });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: settings.requestsPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, errors: [{ id: '', message: `Too many requests: wait ${Math.ceil(context.ttl / 1000)} seconds and try again` }] }),
  });
  app.setErrorHandler((error: Error & { statusCode?: number; errors?: unknown }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status === 429 && Array.isArray(error.errors)) return reply.code(429).send({ errors: error.errors });
    if (status >= 500) req.log.error({ err: { name: error.name, message: error.message } }, 'request failed');
    const message = status === 413 ? `The form is too large to send: the most it can hold is ${Math.floor(settings.bodyLimitBytes / 1024)} KiB. Shorten the longest sections, or link to long documents from the Resources section`
      : status === 415 ? 'Send the form as JSON'
      : status < 500 ? 'The form sent something we cannot read: reload the page and try again'
      : 'Something went wrong on our side: try again in a minute';
    return reply.code(status).send({ errors: [{ id: '', message }] });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ errors: [{ id: '', message: 'There is nothing at this address: check the link' }] }));
  await app.register(routes, { settings, store, signIn: new SignIn(store, settings), checks, mailer, accepting, queued: () => worker.kick() });

  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const url = typeof address === 'object' && address ? `http://${settings.host}:${address.port}` : settings.publicUrl;
  worker.start();
  const retention = startRetention(store, settings.retentionDays, app.log);
  return {
    app, store, worker, accepting, url,
    async close() {
      retention.stop();
      await worker.stop();
      await app.close();
      await checks.close();
      mailer.close();
      store.close();
    },
  };
}
